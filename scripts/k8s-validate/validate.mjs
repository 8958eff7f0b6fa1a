// Validates Tradewire's deployment files; run by scripts/check-deploy.sh (which renders the inputs).
//   node validate.mjs <rendered-k8s.yaml> <resolved-compose.yaml> <repo-root>
// Env TRADEWIRE_SERVICES: space-separated "name=ProjectDir=port" entries (the single service list lives in check-deploy.sh).
// Checks: 1) every rendered object against the kubernetes-models JSON schema (.validate());
//         2) no unknown fields anywhere (allowed fields read from the models' own .d.ts interfaces, since the
//            schema validators accept extra properties); 3) project rules: each service in k8s and compose, probes,
//            resources, secrets only by reference, init script copy in sync, compose build args point at real projects.
import { readFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { createRequire } from "node:module";
import { parseAllDocuments, parse } from "yaml";

const [k8sPath, composePath, root] = process.argv.slice(2);
if (!k8sPath || !composePath || !root) {
  console.error("usage: node validate.mjs <rendered-k8s.yaml> <resolved-compose.yaml> <repo-root>");
  process.exit(2);
}
const services = (process.env.TRADEWIRE_SERVICES ?? "").split(/\s+/).filter(Boolean).map((entry) => {
  const [name, dir, port] = entry.split("=");
  return { name, dir, port: Number(port), db: name.replaceAll("-", "_"), envKey: `${name.replaceAll("-", "_").toUpperCase()}_DB_PASSWORD` };
});
if (services.length === 0) { console.error("TRADEWIRE_SERVICES is empty"); process.exit(2); }

const errors = [];
const fail = (where, msg) => errors.push(`${where}: ${msg}`);
const require = createRequire(import.meta.url);

function loadYamlDocs(path) {
  const docs = parseAllDocuments(readFileSync(path, "utf8"));
  for (const d of docs) for (const e of d.errors) fail(path, `YAML error: ${e.message}`);
  return docs.map((d) => d.toJS()).filter((d) => d != null);
}

// ---- 1 + 2: schema validation and unknown-field check -------------------------------------------------------
const modelsDir = dirname(require.resolve("kubernetes-models/package.json"));
const typeCache = new Map(); // .d.ts path -> Map(prop -> child .d.ts path | null) or null when not an interface

function parseDts(file) {
  if (typeCache.has(file)) return typeCache.get(file);
  let result = null;
  if (existsSync(file)) {
    const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
    const imports = new Map();
    for (const m of text.matchAll(/import \{ (\w+) \} from "([^"]+)";/g)) {
      const spec = m[2];
      imports.set(m[1], spec.startsWith(".") ? resolve(dirname(file), spec) + ".d.ts"
        : join(dirname(require.resolve(spec.split("/").slice(0, 2).join("/") + "/package.json")), spec.split("/").slice(2).join("/")) + ".d.ts");
    }
    const body = text.match(/export interface \w+(?: extends [\w, ]+)? \{\n([\s\S]*?)\n\}/);
    if (body) {
      result = new Map();
      for (const m of body[1].matchAll(/^ {4}"([^"]+)"\??: (.*)$/gm)) {
        const inner = m[2].replace(/;$/, "").replace(/^Array<(\w+)>$/, "$1");
        result.set(m[1], imports.get(inner) ?? null); // maps ({ [key: string]: ... }), scalars, aliases: not descended
      }
    }
  }
  typeCache.set(file, result);
  return result;
}

function checkFields(value, dtsFile, path, where) {
  const props = parseDts(dtsFile);
  if (!props || value == null || typeof value !== "object") return;
  for (const item of Array.isArray(value) ? value : [value]) {
    if (item == null || typeof item !== "object" || Array.isArray(item)) continue;
    for (const [key, child] of Object.entries(item)) {
      if (!props.has(key)) fail(where, `unknown field ${path}.${key}`);
      else if (props.get(key)) checkFields(child, props.get(key), `${path}.${key}`, where);
    }
  }
}

async function validateObject(obj, where) {
  const { apiVersion, kind } = obj;
  if (!apiVersion || !kind) return fail(where, "missing apiVersion or kind");
  let mod;
  try { mod = await import(`kubernetes-models/${apiVersion}`); } catch { return fail(where, `unknown apiVersion ${apiVersion}`); }
  const Model = mod[kind];
  if (!Model) return fail(where, `unknown kind ${kind} in ${apiVersion}`);
  try { new Model(obj).validate(); } catch (e) { fail(where, `schema: ${e.message}`); }
  checkFields(obj, join(modelsDir, apiVersion, `${kind}.d.ts`), kind, where);
}

const k8s = loadYamlDocs(k8sPath);
const id = (o) => `k8s ${o?.kind}/${o?.metadata?.name}`;
for (const o of k8s) await validateObject(o, id(o));
const secretExample = loadYamlDocs(join(root, "k8s/secrets.example.yaml"));
for (const o of secretExample) await validateObject(o, "k8s/secrets.example.yaml");

// ---- 3: project rules (k8s) ---------------------------------------------------------------------------------
const find = (kind, name) => k8s.find((o) => o.kind === kind && o.metadata?.name === name);
const envExample = new Set(readFileSync(join(root, ".env.example"), "utf8").split("\n")
  .map((l) => l.match(/^([A-Z0-9_]+)=/)?.[1]).filter(Boolean));
const secretKeys = new Set(Object.keys(secretExample[0]?.stringData ?? {}));
const config = find("ConfigMap", "tradewire-config");
if (!config) fail("k8s", "ConfigMap tradewire-config missing");

for (const o of k8s) {
  if (o.kind === "Secret") fail(id(o), "a Secret is rendered by the kustomization; secrets must be created out of band");
  if (o.kind !== "Namespace" && o.metadata?.namespace !== "tradewire") fail(id(o), "namespace is not tradewire");
  if (o.metadata?.labels?.["app.kubernetes.io/part-of"] !== "tradewire") fail(id(o), "label app.kubernetes.io/part-of=tradewire missing");
  const pod = o.spec?.template?.spec;
  if (o.spec?.selector?.matchLabels && o.spec?.template) {
    for (const [k, v] of Object.entries(o.spec.selector.matchLabels))
      if (o.spec.template.metadata?.labels?.[k] !== v) fail(id(o), `selector ${k}=${v} does not match the pod template labels`);
  }
  for (const c of pod?.containers ?? []) {
    for (const e of c.env ?? []) {
      const s = e.valueFrom?.secretKeyRef, cm = e.valueFrom?.configMapKeyRef;
      if (s && s.name !== "tradewire-secrets") fail(id(o), `env ${e.name} references secret ${s.name}, expected tradewire-secrets`);
      if (s && !secretKeys.has(s.key)) fail(id(o), `env ${e.name}: key ${s.key} missing from k8s/secrets.example.yaml`);
      if (cm && cm.name === "tradewire-config" && !(cm.key in (config?.data ?? {}))) fail(id(o), `env ${e.name}: key ${cm.key} missing from tradewire-config`);
      if (/password|secret|token/i.test(e.name) && e.value !== undefined) fail(id(o), `env ${e.name} has a literal value; use secretKeyRef`);
    }
  }
}
for (const key of secretKeys) if (!envExample.has(key)) fail("k8s/secrets.example.yaml", `key ${key} missing from .env.example`);
if (secretExample[0]?.kind !== "Secret" || secretExample[0]?.metadata?.name !== "tradewire-secrets")
  fail("k8s/secrets.example.yaml", "must define Secret tradewire-secrets");
if (/secrets\.example/.test(readFileSync(join(root, "k8s/kustomization.yaml"), "utf8").replace(/#.*$/gm, "")))
  fail("k8s/kustomization.yaml", "must not include secrets.example.yaml");

const initScript = readFileSync(join(root, "deploy/postgres/init/01-create-service-databases.sh"), "utf8");
if (find("ConfigMap", "postgres-init")?.data?.["01-create-service-databases.sh"] !== initScript)
  fail("k8s ConfigMap/postgres-init", "01-create-service-databases.sh differs from deploy/postgres/init/ (copy it verbatim into k8s/postgres.yaml)");
for (const s of services) if (!new RegExp(`\\b${s.db}\\b`).test(initScript.match(/^services=\((.*)\)$/m)?.[1] ?? ""))
  fail("deploy/postgres/init/01-create-service-databases.sh", `services=(...) lacks ${s.db}`);
for (const infra of ["rabbitmq", "postgres", "jaeger"]) if (!find("Service", infra)) fail("k8s", `Service ${infra} missing`);

for (const s of services) {
  const where = `k8s service ${s.name}`;
  const dep = find("Deployment", s.name), svc = find("Service", s.name);
  if (!dep) { fail(where, `Deployment ${s.name} missing`); continue; }
  if (!svc) fail(where, `Service ${s.name} missing`);
  else {
    if ((svc.spec.type ?? "ClusterIP") !== "ClusterIP") fail(where, "Service must be ClusterIP");
    const p = svc.spec.ports?.[0];
    if (p?.port !== 80 || !(p.targetPort === 8080 || p.targetPort === "http")) fail(where, "Service must map port 80 -> 8080 (http)");
    for (const [k, v] of Object.entries(svc.spec.selector ?? {}))
      if (dep.spec.template.metadata?.labels?.[k] !== v) fail(where, `Service selector ${k}=${v} matches no pod of the Deployment`);
  }
  const c = dep.spec.template.spec.containers?.[0] ?? {};
  if (!/^tradewire\/[a-z-]+:[\w.-]+$/.test(c.image ?? "") || !c.image.startsWith(`tradewire/${s.name}:`)) fail(where, `image ${c.image} is not tradewire/${s.name}:<tag>`);
  if (!c.ports?.some((p) => p.containerPort === 8080 && p.name === "http")) fail(where, "container port 8080 named http missing");
  if (c.readinessProbe?.httpGet?.path !== "/health/ready") fail(where, "readinessProbe must GET /health/ready");
  if (c.livenessProbe?.httpGet?.path !== "/health/live") fail(where, "livenessProbe must GET /health/live");
  for (const k of ["requests", "limits"]) for (const r of ["cpu", "memory"])
    if (!c.resources?.[k]?.[r]) fail(where, `resources.${k}.${r} missing`);
  if (!c.envFrom?.some((e) => e.configMapRef?.name === "tradewire-config")) fail(where, "envFrom tradewire-config missing");
  const env = Object.fromEntries((c.env ?? []).map((e) => [e.name, e]));
  if (env.OTEL_SERVICE_NAME?.value !== s.name) fail(where, `OTEL_SERVICE_NAME must be ${s.name}`);
  if (env.RabbitMq__Password?.valueFrom?.secretKeyRef?.key !== "RABBITMQ_PASSWORD") fail(where, "RabbitMq__Password must come from secret key RABBITMQ_PASSWORD");
  if (!(c.env ?? []).some((e) => e.valueFrom?.secretKeyRef?.key === s.envKey)) fail(where, `no env from secret key ${s.envKey}`);
  if (!new RegExp(`Database=${s.db};Username=${s.db};`).test(env.ConnectionStrings__Database?.value ?? ""))
    fail(where, `ConnectionStrings__Database must use Database=${s.db};Username=${s.db}`);
}

// ---- 3: project rules (compose, Dockerfile) -----------------------------------------------------------------
const compose = parse(readFileSync(composePath, "utf8"));
const raw = parse(readFileSync(join(root, "docker-compose.yml"), "utf8"));
if ("name" in raw) fail("docker-compose.yml", "top-level name: is not supported by docker-compose 1.29");
for (const infra of ["rabbitmq", "postgres", "jaeger"]) if (!compose.services?.[infra]) fail("docker-compose.yml", `service ${infra} missing`);
const initMount = (compose.services?.postgres?.volumes ?? []).some((v) =>
  (typeof v === "string" ? v : `${v.source}:${v.target}`).includes("deploy/postgres/init") && (typeof v === "string" ? v : v.target).includes("/docker-entrypoint-initdb.d"));
if (!initMount) fail("docker-compose.yml postgres", "deploy/postgres/init is not mounted at /docker-entrypoint-initdb.d");
for (const s of services) {
  const where = `docker-compose.yml ${s.name}`;
  const c = compose.services?.[s.name];
  if (!c) { fail(where, "service missing"); continue; }
  const args = c.build?.args ?? {};
  if (!/(^|\/)deploy\/Dockerfile$/.test(c.build?.dockerfile ?? "")) fail(where, "build.dockerfile must be deploy/Dockerfile");
  const project = `services/${s.dir}/Tradewire.${s.dir}.csproj`;
  if (args.SERVICE_PROJECT !== project) fail(where, `SERVICE_PROJECT must be ${project}`);
  else if (!existsSync(join(root, project))) fail(where, `${project} does not exist`);
  else {
    const asm = readFileSync(join(root, project), "utf8").match(/<AssemblyName>([^<]+)<\/AssemblyName>/)?.[1] ?? `Tradewire.${s.dir}`;
    if (args.SERVICE_DLL !== `${asm}.dll`) fail(where, `SERVICE_DLL must be ${asm}.dll`);
  }
  if (c.restart !== "unless-stopped") fail(where, "restart must be unless-stopped");
  for (const dep of ["rabbitmq", "postgres"]) if (c.depends_on?.[dep]?.condition !== "service_healthy") fail(where, `depends_on ${dep} must be condition: service_healthy`);
  if (!JSON.stringify(c.healthcheck?.test ?? "").includes("/health/ready")) fail(where, "healthcheck must probe /health/ready");
  if (!(c.ports ?? []).some((p) => (typeof p === "string" ? p === `${s.port}:8080` : Number(p.published) === s.port && Number(p.target) === 8080)))
    fail(where, `port ${s.port}:8080 missing`);
  const env = c.environment ?? {};
  for (const k of ["ConnectionStrings__Database", "RabbitMq__Host", "RabbitMq__Username", "RabbitMq__Password", "OTEL_EXPORTER_OTLP_ENDPOINT", "ASPNETCORE_URLS"])
    if (!env[k]) fail(where, `environment ${k} missing`);
  if (env.OTEL_SERVICE_NAME !== s.name) fail(where, `OTEL_SERVICE_NAME must be ${s.name}`);
  if (!new RegExp(`Database=${s.db};Username=${s.db};`).test(env.ConnectionStrings__Database ?? "")) fail(where, `connection string must use database/user ${s.db}`);
  const rawEnv = raw.services?.[s.name]?.environment ?? {};
  if (!String(rawEnv.ConnectionStrings__Database ?? "").includes(`\${${s.envKey}:?`)) fail(where, `password must come from \${${s.envKey}:?...}`);
  if (!String(raw.services?.postgres?.environment?.[s.envKey] ?? "").includes(`\${${s.envKey}:?`)) fail("docker-compose.yml postgres", `${s.envKey} must be passed as \${${s.envKey}:?...}`);
  if (!envExample.has(s.envKey)) fail(".env.example", `${s.envKey} missing`);
}
const dockerfile = readFileSync(join(root, "deploy/Dockerfile"), "utf8");
for (const [re, msg] of [[/^ARG SERVICE_PROJECT$/m, "ARG SERVICE_PROJECT"], [/^ARG SERVICE_DLL$/m, "ARG SERVICE_DLL"],
  [/^FROM mcr\.microsoft\.com\/dotnet\/sdk:\$\{DOTNET_VERSION\} AS build$/m, "sdk build stage"],
  [/^FROM mcr\.microsoft\.com\/dotnet\/aspnet:\$\{DOTNET_VERSION\}/m, "aspnet runtime stage"], [/^ARG DOTNET_VERSION=10\.0$/m, "DOTNET_VERSION=10.0"],
  [/^USER (?!root|0\b)\S+/m, "non-root USER"], [/install -y --no-install-recommends curl/, "curl for the compose healthcheck"]])
  if (!re.test(dockerfile)) fail("deploy/Dockerfile", `${msg} missing`);

if (errors.length) {
  console.error(`deploy validation FAILED (${errors.length}):`);
  for (const e of errors) console.error(`  - ${e}`);
  process.exit(1);
}
console.log(`deploy validation OK: ${k8s.length} k8s objects (schema + unknown fields), ${Object.keys(compose.services).length} compose services, ${services.length} Tradewire services cross-checked`);
