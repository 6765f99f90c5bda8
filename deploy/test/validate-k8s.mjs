// Validates Kubernetes manifests rendered by `kubectl kustomize` (read from standard input):
// every object against the schema of its kind (kubernetes-models; MongoDBCommunity against
// mongodbcommunity.schema.json), an unknown kind is an error, and the rules deploy/k8s promises
// (probes, resources, hardening, spread, secrets by reference, the MongoDB secret wired in).
// Prints one line per problem and exits 1 when there is any. Used by DeployManifestsTest.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import Ajv from "ajv";

const errors = [];
const fail = (object, message) => errors.push(`${object.kind ?? "?"}/${object.metadata?.name ?? "?"}: ${message}`);

const ajv = new Ajv({ allErrors: true, strict: false });
const mongodbCommunity = ajv.compile(JSON.parse(readFileSync(new URL("./mongodbcommunity.schema.json", import.meta.url))));

async function validateSchema(object) {
  if (object.apiVersion === "mongodbcommunity.mongodb.com/v1" && object.kind === "MongoDBCommunity") {
    if (!mongodbCommunity(object)) {
      fail(object, "schema: " + ajv.errorsText(mongodbCommunity.errors));
    }
    return;
  }
  const [group, version] = object.apiVersion?.includes("/") ? object.apiVersion.split("/") : [null, object.apiVersion];
  let models;
  try {
    models = await import(`kubernetes-models/${group ? group + "/" : ""}${version}`);
  } catch {
    return fail(object, `unknown apiVersion ${object.apiVersion}`);
  }
  const Model = models[object.kind];
  if (typeof Model !== "function" || !object.kind) {
    return fail(object, `unknown kind ${object.kind} in ${object.apiVersion}`);
  }
  try {
    new Model(object).validate();
  } catch (e) {
    fail(object, "schema: " + e.message);
  }
}

const HEALTH = /^\/observe\/health(\/(live|ready|started))?$/;

function checkDeployment(d, secretsReferenced) {
  const spec = d.spec ?? {};
  const pod = spec.template?.spec ?? {};
  if (!(spec.replicas >= 2)) fail(d, `replicas must be at least 2, is ${spec.replicas}`);
  if (!(pod.topologySpreadConstraints?.length > 0)) fail(d, "no topologySpreadConstraints");
  if (pod.automountServiceAccountToken !== false) fail(d, "automountServiceAccountToken must be false");
  for (const c of pod.containers ?? []) {
    for (const probe of ["livenessProbe", "readinessProbe", "startupProbe"]) {
      const path = c[probe]?.httpGet?.path;
      if (!path) fail(d, `container ${c.name} has no ${probe}`);
      else if (!HEALTH.test(path)) fail(d, `container ${c.name} ${probe} is not on /observe/health: ${path}`);
    }
    if (!c.resources?.requests?.cpu || !c.resources?.requests?.memory) fail(d, `container ${c.name} has no resource requests`);
    if (!c.resources?.limits?.memory) fail(d, `container ${c.name} has no memory limit`);
    const sc = c.securityContext ?? {};
    if (sc.readOnlyRootFilesystem !== true) fail(d, `container ${c.name} root file system is not read-only`);
    if (sc.allowPrivilegeEscalation !== false) fail(d, `container ${c.name} allows privilege escalation`);
    if (!(sc.runAsNonRoot ?? pod.securityContext?.runAsNonRoot)) fail(d, `container ${c.name} may run as root`);
    if (!sc.capabilities?.drop?.includes("ALL")) fail(d, `container ${c.name} keeps capabilities`);
    for (const env of c.env ?? []) {
      if (/KEY|SECRET|PASSWORD|URI|TOKEN|CREDENTIAL/.test(env.name) && env.value !== undefined) {
        fail(d, `${env.name} has a literal value: secrets are referenced, never written here`);
      }
      if (env.valueFrom?.secretKeyRef) secretsReferenced.add(env.valueFrom.secretKeyRef.name);
    }
  }
}

const input = readFileSync(0, "utf8");
const objects = [];
for (const doc of parseAllDocuments(input)) {
  if (doc.errors.length) errors.push("YAML: " + doc.errors.map((e) => e.message).join("; "));
  const object = doc.toJS();
  if (object) objects.push(object);
}
const secretsReferenced = new Set();
for (const object of objects) {
  await validateSchema(object);
  if (object.kind === "Secret") fail(object, "a Secret in the manifests: create it in the cluster, reference it here");
  if (object.kind === "Deployment") checkDeployment(object, secretsReferenced);
  if (object.kind === "NetworkPolicy" && !["Ingress", "Egress"].every((t) => object.spec?.policyTypes?.includes(t))) {
    fail(object, "must restrict both Ingress and Egress");
  }
  if (object.kind === "HorizontalPodAutoscaler" && !(object.spec?.minReplicas >= 2)) fail(object, "minReplicas below 2");
}
for (const kind of ["Deployment", "Service", "Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget",
  "NetworkPolicy", "ConfigMap", "MongoDBCommunity"]) {
  if (!objects.some((o) => o.kind === kind)) errors.push(`missing: no ${kind}`);
}
for (const mongo of objects.filter((o) => o.kind === "MongoDBCommunity")) {
  for (const user of mongo.spec?.users ?? []) {
    if (!secretsReferenced.has(user.connectionStringSecretName)) {
      fail(mongo, `the connection secret of user ${user.name} (${user.connectionStringSecretName}) is not wired into the Deployment`);
    }
  }
}
for (const error of errors) console.log(error);
console.log(`${objects.length} objects, ${errors.length} problems`);
process.exit(errors.length ? 1 : 0);
