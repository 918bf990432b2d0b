import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { subgraphDatabaseUrl } from "@samtykke/server-kit";
import { dropSubgraphDatabases, uniqueDatabaseServerUrl } from "@samtykke/server-kit/testing";
import { startTestPlatform, type TestPlatform } from "./support/platform.js";
import { restartablePort, runScript, startPart, type PartProcess } from "./support/processes.js";

// What deploys the platform (the Dockerfile, compose.yaml, the Kubernetes manifests, the Grafana
// dashboard) checked against the code it deploys. No Docker engine runs here, so the images are
// not built: their entry points are started as the images start them.
const ROOT = fileURLToPath(new URL("../", import.meta.url));
const read = (path: string) => readFileSync(`${ROOT}${path}`, "utf8");
const KUBERNETES = "deploy/kubernetes";
const kubectl = (() => {
  try {
    execFileSync("kubectl", ["version", "--client"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

type KubeObject = { apiVersion: string; kind: string; metadata: { name: string; labels?: Record<string, string> }; spec?: any; data?: Record<string, string> };

/** The objects a kustomization makes: rendered by `kubectl kustomize` where kubectl is installed, else (the base only) its resources as they are. */
function render(dir: string): KubeObject[] {
  const text = kubectl
    ? execFileSync("kubectl", ["kustomize", `${ROOT}${dir}`], { encoding: "utf8" })
    : (parseAllDocuments(read(`${dir}/kustomization.yaml`))[0]!.toJS().resources as string[]).map((file) => read(`${dir}/${file}`)).join("\n---\n");
  return parseAllDocuments(text).map((document) => document.toJS()).filter(Boolean);
}

/** The JSON schema validator of a built-in kind, from kubernetes-models; null for a custom resource. */
async function validatorOf(object: KubeObject): Promise<((data: unknown) => boolean) & { errors?: unknown }> {
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : ["core", object.apiVersion];
  const groupName = group!.replace(/\.k8s\.io$/, "").replace(/(^|\.)(\w)/g, (_, _dot, letter: string) => letter.toUpperCase());
  const name = `IoK8sApi${groupName}${version!.replace(/^v/, "V")}${object.kind}`;
  const module = await import(`kubernetes-models/_schemas/${name}`);
  return module.validate;
}

/**
 * Fields the schema does not know (a typo such as `readinesProbe`), which the API server would
 * drop or refuse. The compiled validator reads every field it knows by name, and walks every key
 * of a map, so what it never touched is unknown.
 */
function unknownFields(object: unknown, validate: (data: unknown) => boolean): string[] {
  const touched = new Map<string, { value: object; keys: Set<string> }>();
  const watch = (value: unknown, path: string): unknown => {
    if (!value || typeof value !== "object") return value;
    const keys = new Set<string>();
    touched.set(path, { value, keys });
    return new Proxy(value, {
      get: (target, key) => {
        if (typeof key === "string") keys.add(key);
        return watch((target as Record<string | symbol, unknown>)[key], `${path}/${String(key)}`);
      },
      ownKeys: (target) => {
        for (const key of Reflect.ownKeys(target)) keys.add(String(key));
        return Reflect.ownKeys(target);
      },
      has: (target, key) => {
        keys.add(String(key));
        return key in target;
      },
    });
  };
  validate(watch(object, ""));
  return [...touched].flatMap(([path, { value, keys }]) => Object.keys(value).filter((key) => !keys.has(key)).map((key) => `${path}/${key}`));
}

async function problemsOf(object: KubeObject): Promise<string[]> {
  if (object.apiVersion.startsWith("postgresql.cnpg.io/")) return [];
  const validate = await validatorOf(object);
  const valid = validate(object);
  return [
    ...(valid ? [] : [`${object.kind}/${object.metadata.name}: ${JSON.stringify(validate.errors)}`]),
    ...unknownFields(object, validate).map((field) => `${object.kind}/${object.metadata.name}: unknown field ${field}`),
  ];
}

/** The environment variables the README's configuration table documents. */
const documentedVariables = () => {
  const table = read("README.md").split("## Configuration")[1]!.split("\n## ")[0]!;
  return new Set([...table.matchAll(/^\| ([^|]+) \|/gm)].flatMap(([, cell]) => [...cell!.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map(([, name]) => name!)));
};

const SECRETS = ["DATABASE_URL", "SUBGRAPH_SECRET", "METRICS_TOKEN", "CPR_KEY", "CONSENT_SEAL_KEYS", "CONSENT_SECRET_KEY", "PLATFORM_CLIENT_SECRET"];
const podSpecs = (objects: KubeObject[]) =>
  objects.flatMap((object) => (object.kind === "Deployment" || object.kind === "Job" ? [{ object, pod: object.spec.template.spec, labels: object.spec.template.metadata.labels as Record<string, string> }] : []));
const matches = (selector: Record<string, string>, labels: Record<string, string>) => Object.entries(selector).every(([key, value]) => labels[key] === value);

describe("Kubernetes manifests (kustomize base and overlays)", () => {
  const layouts = ["base", "overlays/production", "overlays/staging"].map((layout) => `${KUBERNETES}/${layout}`);
  if (!kubectl) console.warn("kubectl is not installed: the overlays are not rendered, only the base is checked");

  it.each(kubectl ? layouts : layouts.slice(0, 1))("%s: every object is valid against the Kubernetes schemas, with no unknown field", async (layout) => {
    const objects = render(layout);
    expect(objects.length).toBeGreaterThan(15);
    const problems = (await Promise.all(objects.map(problemsOf))).flat();
    expect(problems).toEqual([]);
  });

  it("finds a misspelt field and a wrong type, so that such a mistake fails the tests", async () => {
    const gateway = render(`${KUBERNETES}/base`).find((object) => object.kind === "Deployment" && object.metadata.name === "gateway")!;
    const container = gateway.spec.template.spec.containers[0];
    container.readinesProbe = container.readinessProbe;
    gateway.spec.replicas = "two";
    const problems = await problemsOf(gateway);
    expect(problems).toContainEqual("Deployment/gateway: unknown field /spec/template/spec/containers/0/readinesProbe");
    expect(problems.some((problem) => problem.includes('"instancePath":"/spec/replicas"') && problem.includes('"type":"integer"')), problems.join("\n")).toBe(true);
  });

  it("wires the objects together: selectors, ports, autoscalers, budgets, policies, secrets and settings", () => {
    const objects = render(`${KUBERNETES}/base`);
    const pods = podSpecs(objects);
    const variables = documentedVariables();
    const secretKeys = new Set([...read(`${KUBERNETES}/base/config.yaml`).matchAll(/^#.*$/gm)].flatMap(([line]) => [...line.matchAll(/\b([a-z]+(?:-[a-z]+)+)\b/g)].map(([, key]) => key!)));
    for (const { object, pod } of pods) {
      for (const container of pod.containers) {
        for (const variable of container.env ?? []) {
          expect(variables, `${object.metadata.name}: ${variable.name} is not in the README's configuration table`).toContain(variable.name);
          const key = variable.valueFrom?.secretKeyRef?.key;
          if (key) expect(secretKeys, `${object.metadata.name}: secret key ${key} is not named in config.yaml`).toContain(key);
        }
        for (const probe of [container.readinessProbe, container.livenessProbe, container.startupProbe].filter(Boolean)) {
          const port = probe.httpGet?.port ?? probe.tcpSocket?.port;
          expect(container.ports.map((p: { name: string }) => p.name), `${object.metadata.name}: probe port ${port}`).toContain(port);
        }
        expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } });
      }
      expect(pod.securityContext.runAsNonRoot).toBe(true);
    }
    const configMap = objects.find((object) => object.kind === "ConfigMap")!;
    for (const name of Object.keys(configMap.data!)) expect(variables, `ConfigMap: ${name}`).toContain(name);

    for (const service of objects.filter((object) => object.kind === "Service")) {
      const backing = pods.filter(({ labels }) => matches(service.spec.selector, labels));
      expect(backing.map(({ object }) => object.kind), `Service ${service.metadata.name}`).toEqual(["Deployment"]);
      const portNames = backing[0]!.pod.containers.flatMap((container: { ports: { name: string }[] }) => container.ports.map((port) => port.name));
      for (const port of service.spec.ports) expect(portNames).toContain(port.targetPort);
    }
    const deployments = new Set(objects.filter((object) => object.kind === "Deployment").map((object) => object.metadata.name));
    const autoscaled = objects.filter((object) => object.kind === "HorizontalPodAutoscaler").map((object) => object.spec.scaleTargetRef.name);
    expect(autoscaled.sort()).toEqual(["consent", "gateway"]);
    for (const name of autoscaled) expect(deployments).toContain(name);
    for (const budget of objects.filter((object) => object.kind === "PodDisruptionBudget")) {
      expect(pods.some(({ labels }) => matches(budget.spec.selector.matchLabels, labels)), `PodDisruptionBudget ${budget.metadata.name}`).toBe(true);
    }
    // The subgraphs take traffic from the gateway only (and from the monitoring namespace's scraper).
    const subgraphPolicy = objects.find((object) => object.kind === "NetworkPolicy" && object.metadata.name === "subgraphs-from-gateway")!;
    expect(subgraphPolicy.spec.podSelector.matchExpressions[0].values.sort()).toEqual(["consent", "party", "template"]);
    expect(subgraphPolicy.spec.ingress[0].from[0].podSelector.matchLabels).toEqual({ "app.kubernetes.io/name": "gateway" });
    // Each part's secrets come from the Secret, never from a value in the manifests.
    for (const { object, pod } of pods) {
      for (const variable of pod.containers[0].env ?? []) {
        if (SECRETS.includes(variable.name)) expect(variable.valueFrom?.secretKeyRef, `${object.metadata.name}: ${variable.name}`).toBeDefined();
      }
    }
    // PostgreSQL by CloudNativePG, with point-in-time recovery from archived WAL and nightly backups.
    const cluster = objects.find((object) => object.kind === "Cluster")!;
    expect(cluster.spec.backup.barmanObjectStore.destinationPath).toMatch(/^s3:\/\//);
    expect(objects.find((object) => object.kind === "ScheduledBackup")!.spec.cluster.name).toBe(cluster.metadata.name);
  });

  it.skipIf(!kubectl)("overlays change what they say: namespace, image tags, replicas, the staging login", () => {
    const production = render(`${KUBERNETES}/overlays/production`);
    expect(new Set(production.map((object) => (object as { metadata: { namespace?: string } }).metadata.namespace))).toEqual(new Set(["samtykke"]));
    const gateway = production.find((object) => object.kind === "Deployment" && object.metadata.name === "gateway")!;
    expect(gateway.spec.replicas).toBe(3);
    expect(gateway.spec.template.spec.containers[0].image).toBe("ghcr.io/samtykke/gateway:0.1.0");
    const staging = render(`${KUBERNETES}/overlays/staging`);
    expect(staging.find((object) => object.kind === "ConfigMap")!.data!.AUTH_ISSUER).toBe("https://login.staging.example.dk");
    expect(staging.find((object) => object.kind === "Cluster")!.spec.instances).toBe(2);
  });
});

describe("container images (Dockerfile) and compose.yaml", () => {
  const dockerfile = read("Dockerfile");
  const stages = new Set([...dockerfile.matchAll(/^FROM \S+ AS (\S+)$/gm)].map(([, stage]) => stage!));

  it("builds a stage per part whose command starts a file that exists, from sources that exist, as a user that is not root", () => {
    for (const part of ["gateway", "party", "template", "consent", "migrate", "web", "dev-login"]) expect(stages).toContain(part);
    const commands = [...dockerfile.matchAll(/^CMD (\[.*\])$/gm)].map(([, command]) => JSON.parse(command!) as string[]);
    expect(commands.length).toBe(7);
    for (const command of commands) expect(existsSync(`${ROOT}${command.at(-1)}`), command.join(" ")).toBe(true);
    for (const [, source] of dockerfile.matchAll(/^COPY (?!--from)(\S+) /gm)) {
      if (source !== ".") expect(existsSync(`${ROOT}${source}`), `COPY ${source}`).toBe(true);
    }
    // Every workspace's manifest is copied before `npm ci`, or its dependencies would be missing.
    const workspaces = JSON.parse(read("package.json")).workspaces as string[];
    for (const workspace of workspaces) expect(dockerfile).toContain(`COPY ${workspace}/package.json ${workspace}/`);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/^USER node$/m);
  });

  it("compose builds only stages the Dockerfile has, and sets only settings the parts read", () => {
    const compose = parseAllDocuments(read("compose.yaml"), { merge: true })[0]!.toJS({ maxAliasCount: 100 }) as { services: Record<string, { build?: { target: string }; environment?: Record<string, string> }> };
    const variables = documentedVariables();
    for (const [name, service] of Object.entries(compose.services)) {
      if (service.build) expect(stages, `service ${name}`).toContain(service.build.target);
      if (service.build) for (const variable of Object.keys(service.environment ?? {})) expect(variables, `service ${name}: ${variable}`).toContain(variable);
    }
    expect(Object.keys(compose.services).sort()).toEqual(["consent", "dev-login", "gateway", "migrate", "party", "postgres", "redis", "template", "web"]);
  });
});

describe("entry points, started as the images start them", () => {
  const parts: PartProcess[] = [];
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform();
  });
  afterAll(async () => {
    await Promise.all(parts.map((part) => part.stop()));
    await platform?.stop();
  });

  it("answers every probe path the manifests name, on each running part", async () => {
    const objects = render(`${KUBERNETES}/base`);
    const urls: Record<string, string> = {
      gateway: platform.gatewayUrl,
      party: platform.subgraphs.party.url,
      template: platform.subgraphs.template.url,
      consent: platform.subgraphs.consent.url,
    };
    for (const { object, pod } of podSpecs(objects)) {
      const url = urls[object.metadata.name];
      if (!url) continue;
      const container = pod.containers[0];
      for (const probe of [container.readinessProbe, container.livenessProbe, container.startupProbe]) {
        const response = await fetch(new URL(probe.httpGet.path, url));
        expect(response.status, `${object.metadata.name} ${probe.httpGet.path}`).toBe(200);
      }
    }
  });

  it("serves both apps with the /config.json of the deployment (the web image)", async () => {
    const [citizenPort, authorityPort] = [await restartablePort(), await restartablePort()];
    const env = {
      WEB_CITIZEN_PORT: String(citizenPort),
      WEB_AUTHORITY_PORT: String(authorityPort),
      PUBLIC_GATEWAY_URL: "https://api.samtykke.example.dk/graphql",
      LOGIN_AUTHORIZE_URL: "https://login.example.dk/authorize",
      LOGIN_TOKEN_URL: "https://login.example.dk/token",
      NODE_ENV: "production",
    };
    parts.push(await startPart("packages/platform/src/serve-apps.ts", env, `http://127.0.0.1:${authorityPort}/config.json`));
    for (const [port, clientId] of [
      [citizenPort, "web-citizen"],
      [authorityPort, "web-authority"],
    ] as const) {
      const config = await (await fetch(`http://127.0.0.1:${port}/config.json`)).json();
      expect(config).toEqual({ gatewayUrl: env.PUBLIC_GATEWAY_URL, login: { authorizeUrl: env.LOGIN_AUTHORIZE_URL, tokenUrl: env.LOGIN_TOKEN_URL, clientId } });
      const page = await fetch(`http://127.0.0.1:${port}/mine-samtykker`);
      expect(page.status).toBe(200);
      expect(await page.text()).toBe(read(`${clientId}/dist/index.html`));
      expect(page.headers.get("content-security-policy")).toContain("https://api.samtykke.example.dk");
    }
  });

  it("runs the development login alone with the address browsers reach it at as its issuer, and never in production", async () => {
    const port = await restartablePort();
    const env = { DEV_LOGIN_PORT: String(port), DEV_LOGIN_PUBLIC_URL: "http://localhost:4005" };
    parts.push(await startPart("packages/dev-login/src/main.ts", env, `http://127.0.0.1:${port}/jwks.json`));
    const configuration = await (await fetch(`http://127.0.0.1:${port}/.well-known/openid-configuration`)).json();
    expect(configuration).toMatchObject({ issuer: "http://localhost:4005", token_endpoint: "http://localhost:4005/token" });
    const refused = await runScript("packages/dev-login/src/main.ts", { ...env, DEV_LOGIN_PORT: "0", NODE_ENV: "production" });
    expect(refused.exitCode).toBe(1);
    expect(refused.output).toContain("does not run in production");
  });

  it("migrates every subgraph's database before a rollout (the migration Job), and again finds nothing to do", { timeout: 120_000 }, async () => {
    const serverUrl = uniqueDatabaseServerUrl(inject("databaseServerUrl"));
    try {
      for (let run = 0; run < 2; run++) {
        const { exitCode, output } = await runScript("packages/platform/src/migrate.ts", { DATABASE_URL: serverUrl, LOG_LEVEL: "info" });
        expect(exitCode, output).toBe(0);
        expect(output.match(/"msg":"migrated"/g)?.length).toBe(3);
        expect(output.includes("migrations applied")).toBe(run === 0);
      }
      for (const subgraph of ["party", "template", "consent"]) {
        const client = new pg.Client({ connectionString: subgraphDatabaseUrl(serverUrl, subgraph) });
        await client.connect();
        try {
          const { rows } = await client.query<{ count: string }>("select count(*) from mikro_orm_migrations");
          const committed = readdirSync(`${ROOT}subgraphs/${subgraph}/src/migrations`).filter((file) => /^Migration\d+.*\.ts$/.test(file)).length;
          expect(Number(rows[0]!.count), subgraph).toBe(committed);
        } finally {
          await client.end();
        }
      }
    } finally {
      await dropSubgraphDatabases(serverUrl, ["party", "template", "consent"]);
    }
  });

  it("draws only metrics the parts serve (the Grafana dashboard)", async () => {
    const dashboard = JSON.parse(read("deploy/grafana/samtykke-dashboard.json")) as { panels: { title: string; targets: { expr: string }[] }[] };
    const served = new Set<string>();
    for (const url of [platform.gatewayUrl, platform.subgraphs.party.url, platform.subgraphs.template.url, platform.subgraphs.consent.url]) {
      const text = await (await fetch(new URL("/metrics", url))).text();
      for (const [, name, type] of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
        served.add(name!);
        if (type === "histogram") for (const suffix of ["_bucket", "_count", "_sum"]) served.add(`${name}${suffix}`);
      }
    }
    const drawn = dashboard.panels.flatMap((panel) => panel.targets.flatMap((target) => [...target.expr.matchAll(/\b(samtykke_[a-z0-9_]+)/g)].map(([, name]) => name!)));
    expect(drawn.length).toBeGreaterThan(10);
    expect(drawn.filter((name) => !served.has(name))).toEqual([]);
  });
});
