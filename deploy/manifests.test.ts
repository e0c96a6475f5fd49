import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import '../gateway/plugins/metrics';
import '../gateway/rate-limit';
import '../lib/breaker';
import { defaultPorts, developmentKeys, settings, subgraphNames, type Service } from '../lib/config';
import { registry } from '../lib/metrics';

/** The Kubernetes manifests and the compose file must say what the code's configuration says. */
interface Env {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: unknown; configMapKeyRef?: { key: string } };
}
interface Container {
  args: string[];
  env: Env[];
  ports: { containerPort: number }[];
  livenessProbe: { httpGet: { path: string; port: number } };
  readinessProbe: { httpGet: { path: string; port: number } };
}
interface Manifest {
  kind: string;
  metadata: { name: string };
  spec: Record<string, unknown> & { template?: { spec: { containers: Container[] } }; scaleTargetRef?: { name: string } };
  data?: Record<string, string>;
}

const base = join(__dirname, 'k8s', 'base');
const manifests: Manifest[] = readdirSync(base)
  .filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml')
  .flatMap((file) => parseAllDocuments(readFileSync(join(base, file), 'utf8')).map((document) => document.toJSON() as Manifest));
const deployments = manifests.filter((manifest) => manifest.kind === 'Deployment');
const components = ['gateway', ...subgraphNames] as const;
const containerOf = (name: string) => deployments.find((deployment) => deployment.metadata.name === name)!.spec.template!.spec.containers[0];
const serviceOf = (component: string): Service => (component === 'gateway' ? 'gateway' : 'subgraph');
const secretSettings = ['INTERNAL_CONTEXT_KEY', 'PSEUDONYM_KEY', 'CACHE_ENCRYPTION_KEYS', 'DATABASE_URL'];

describe('the Kubernetes manifests', () => {
  it('have a Deployment for the gateway and each subgraph', () => {
    expect(deployments.map((deployment) => deployment.metadata.name).sort()).toEqual([...components].sort());
  });

  it.each(components)('set only settings the code knows, for %s', (component) => {
    for (const env of containerOf(component).env) expect(Object.keys(settings)).toContain(env.name);
  });

  it.each(components)('set every setting %s reads whose default only suits a laptop (a local address or a development key)', (component) => {
    const names = containerOf(component).env.map((env) => env.name);
    const laptopOnly = (value: unknown) =>
      typeof value === 'string' && (value.includes('127.0.0.1') || (Object.values(developmentKeys) as string[]).includes(value));
    const required = Object.entries(settings)
      .filter(([, setting]) => (setting.services as Service[]).includes(serviceOf(component)))
      .filter(([, setting]) => 'default' in setting && laptopOnly(setting.default))
      .map(([name]) => name);
    expect(required.length).toBeGreaterThan(0);
    for (const name of required) expect(names).toContain(name);
  });

  it('give the gateway its audit database and every pod Redis Sentinels, from configuration', () => {
    expect(containerOf('gateway').env.map((env) => env.name)).toContain('DATABASE_URL');
    for (const component of components) expect(containerOf(component).env.map((env) => env.name)).toContain('REDIS_SENTINELS');
  });

  it.each(components)('take keys for %s from Secrets, never as literal values', (component) => {
    for (const env of containerOf(component).env.filter((entry) => secretSettings.includes(entry.name))) {
      expect(env.value).toBeUndefined();
      expect(env.valueFrom?.secretKeyRef).toBeDefined();
    }
  });

  it.each(components)('run production mode for %s', (component) => {
    expect(containerOf(component).env).toContainEqual({ name: 'NODE_ENV', value: 'production' });
  });

  it.each(components)('give %s its port, and probe /healthz and /readyz on it', (component) => {
    const container = containerOf(component);
    const port = defaultPorts[component];
    expect(container.ports).toEqual([expect.objectContaining({ containerPort: port })]);
    expect(container.env).toContainEqual({ name: 'PORT', value: String(port) });
    expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port });
    expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port });
    expect(container.args).toEqual([component]);
  });

  it.each(components)('scale %s with an autoscaler and protect it with a disruption budget', (component) => {
    expect(manifests.some((manifest) => manifest.kind === 'HorizontalPodAutoscaler' && manifest.spec.scaleTargetRef?.name === component)).toBe(true);
    expect(manifests.some((manifest) => manifest.kind === 'PodDisruptionBudget' && manifest.metadata.name === component)).toBe(true);
  });

  it('point the gateway at every subgraph by its Service and port', () => {
    const env = containerOf('gateway').env;
    for (const name of subgraphNames) {
      expect(env).toContainEqual({ name: `SUBGRAPH_${name.toUpperCase()}_URL`, value: `http://${name}:${defaultPorts[name]}/graphql` });
    }
  });

  it('define the settings they read from the ConfigMap', () => {
    const config = manifests.find((manifest) => manifest.kind === 'ConfigMap' && manifest.metadata.name === 'borger-graph')!;
    for (const deployment of deployments) {
      for (const env of deployment.spec.template!.spec.containers[0].env) {
        const key = env.valueFrom?.configMapKeyRef?.key;
        if (key) expect(Object.keys(config.data!)).toContain(key);
      }
    }
  });

  it('contain no Secret with data', () => {
    expect(manifests.filter((manifest) => manifest.kind === 'Secret')).toEqual([]);
  });

  it('deny all traffic but what the policies open', () => {
    expect(manifests).toContainEqual(expect.objectContaining({ kind: 'NetworkPolicy', metadata: { name: 'default-deny' } }));
  });
});

describe('the compose file', () => {
  const compose = parse(readFileSync(join(__dirname, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, { build?: unknown; environment?: Record<string, string> }>;
  };

  it('sets only settings the code knows, in the services built from this repository', () => {
    const ours = Object.values(compose.services).filter((service) => service.build);
    expect(ours.length).toBe(8);
    for (const service of ours) {
      for (const name of Object.keys(service.environment ?? {})) expect(Object.keys(settings)).toContain(name);
    }
  });

  it('runs the gateway, the five subgraphs, the simulator, the issuer, Redis and PostgreSQL', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ['gateway', ...subgraphNames, 'simulator', 'issuer', 'redis', 'postgres'].sort(),
    );
  });
});

describe('the Grafana dashboard', () => {
  const dashboard = JSON.parse(readFileSync(join(__dirname, 'grafana', 'borger-graph.json'), 'utf8')) as {
    panels: { title: string; targets: { expr: string }[] }[];
  };
  // The metrics the services register, read from the registry itself.
  const registered = registry.getMetricsAsArray().map((metric) => metric.name);

  it('queries only metrics the services expose', () => {
    for (const panel of dashboard.panels) {
      for (const target of panel.targets) {
        const names = target.expr.match(/[a-z_]+(?=\{|\[| \))/g) ?? [];
        const metrics = names.filter((name) => /_(total|seconds|bucket|state)$/.test(name)).map((name) => name.replace(/_bucket$/, ''));
        for (const metric of metrics) expect(registered).toContain(metric);
      }
    }
  });

  it('shows overview latency, upstream health per index, cache hit ratio and breaker states', () => {
    const titles = dashboard.panels.map((panel) => panel.title).join(' | ');
    for (const subject of ['Overview latency', 'Upstream health', 'Cache hit ratio', 'Circuit breakers']) expect(titles).toContain(subject);
  });
});
