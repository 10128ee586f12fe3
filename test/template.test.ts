/**
 * template.yaml and samconfig.toml, checked offline: nothing here can reach CloudFormation or run `sam build`, so
 * these tests read the template as CloudFormation would (short-form tags expanded) and check what a deploy would
 * otherwise find out the hard way: entry points, build settings, environment, least privilege, the private
 * bucket, the CloudFront wiring and the edge code copy. Managed policy ids are the documented AWS ones.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_VARS } from '../handlers/config';
import { API_HEADERS, PAGE_HEADERS } from '../handlers/security-headers';
import { LAMBDA_BUILD, LAMBDA_ENTRIES, LAMBDA_MEMORY_MB } from '../scripts/build-options';
import { parseCfnYaml } from '../scripts/cfn-yaml';
import { shipEdgeCode, syncEdgeCode } from '../scripts/sync-edge';

// The template is data of any shape; these tests navigate it freely and assert on what they find.
type Json = any;

const root = new URL('../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const templateText = read('template.yaml');
const template: Json = parseCfnYaml(templateText);
const resources: Record<string, Json> = template.Resources;
const edgeCode = shipEdgeCode(read('edge/rewrite.js'));

const ofType = (type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);
const functions = ofType('AWS::Serverless::Function');
const fn = (name: string): Json => resources[name].Properties;
const globals: Json = template.Globals?.Function ?? {};
const setting = (name: string, key: string): Json => fn(name)[key] ?? globals[key];
const env = (name: string): Record<string, Json> => ({
  ...globals.Environment?.Variables,
  ...fn(name).Environment?.Variables,
});
/** The template string of `!Sub 'x'` / `!Sub ['x', {...}]`, or a plain string. */
const subText = (value: Json): string | null =>
  typeof value === 'string' ? value : (typeof value?.['Fn::Sub'] === 'string' ? value['Fn::Sub'] : value?.['Fn::Sub']?.[0]) ?? null;
const statements = (name: string): Json[] => (fn(name).Policies ?? []).flatMap((policy: Json) => policy.Statement ?? [policy]);
const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** Variables only `npm start` uses: the local port, interface and data directory, and local S3/SES endpoints. */
const LOCAL_ONLY = ['PORT', 'HOST', 'DATA_DIR', 'S3_ENDPOINT', 'SES_ENDPOINT'];
/**
 * Lambda gets every other variable in ENV_VARS, both functions alike: parseConfig(env, { local: false }) requires
 * the public URL, the Twilio token, a sender, SES and the dashboard secrets whichever function calls it. Both
 * sender variables are set (from parameters that may be empty); parseConfig insists on one of them.
 */
/** Reserved: the Lambda runtime sets them for the function's role, and a template may not. */
const RUNTIME_PROVIDED = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'];
const LAMBDA_ENV = ENV_VARS.filter((name) => !LOCAL_ONLY.includes(name) && !RUNTIME_PROVIDED.includes(name));
const SECRETS = ['TWILIO_AUTH_TOKEN', 'TWILIO_ACCOUNT_SID', 'DASHBOARD_PASSWORD_HASH', 'SESSION_SECRET', 'ORIGIN_SECRET'];

const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

describe('template.yaml is a SAM template whose references resolve', () => {
  it('uses the SAM transform', () => {
    expect(template.Transform).toBe('AWS::Serverless-2016-10-31');
  });

  it('every Ref, GetAtt, ${...} and condition names something the template defines', () => {
    const names = new Set([...Object.keys(template.Parameters), ...Object.keys(resources)]);
    const conditions = new Set(Object.keys(template.Conditions ?? {}));
    const problems: string[] = [];
    const known = (name: string) => name.startsWith('AWS::') || names.has(name.split('.')[0]!);
    const walk = (node: Json, localVars: Set<string> = new Set()): void => {
      if (Array.isArray(node)) return node.forEach((item) => walk(item, localVars));
      if (node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'Ref' && typeof value === 'string' && !known(value)) problems.push(`Ref ${value}`);
        if (key === 'Fn::GetAtt' && !known((value as string[])[0]!)) problems.push(`GetAtt ${value}`);
        if (key === 'Fn::If' && !conditions.has((value as string[])[0]!)) problems.push(`If ${(value as string[])[0]}`);
        if (key === 'Condition' && typeof value === 'string' && !conditions.has(value)) problems.push(`Condition ${value}`);
        if (key === 'Fn::Sub') {
          const [text, vars] = typeof value === 'string' ? [value, {}] : (value as [string, Record<string, Json>]);
          for (const [, name] of text.matchAll(/\$\{(?!!)([^}]+)\}/g)) {
            if (!(name! in vars) && !known(name!)) problems.push(`Sub \${${name}}`);
          }
          walk(vars, localVars);
          continue;
        }
        walk(value, localVars);
      }
    };
    walk({ resources, globals, outputs: template.Outputs, conditions: template.Conditions });
    expect(problems).toEqual([]);
  });
});

describe('the Lambda functions', () => {
  it('are built from the entry points in scripts/build-options.ts, which exist and export handler', () => {
    const entries = functions.map(([, resource]) => resource.Metadata.BuildProperties.EntryPoints);
    expect(entries.flat().sort()).toEqual(Object.values(LAMBDA_ENTRIES).sort());
    for (const [name, resource] of functions) {
      const [entry] = resource.Metadata.BuildProperties.EntryPoints;
      expect(existsSync(new URL(entry, root)), `${name}: ${entry} exists`).toBe(true);
      expect(read(entry), `${entry} exports handler`).toMatch(/export\s+(const|let|async\s+function|function)\s+handler\b|export\s*\{[^}]*\bhandler\b/);
      // SAM's esbuild writes <entry basename>.js at the top of the artifact directory.
      expect(resource.Properties.Handler).toBe(`${basename(entry, extname(entry))}.handler`);
      expect(resource.Properties.CodeUri).toBe('./');
    }
  });

  it('bundle with the same settings as npm run build (LAMBDA_BUILD)', () => {
    // SAM's esbuild always passes --bundle --platform=node, so the shared settings must say the same.
    expect(LAMBDA_BUILD.bundle).toBe(true);
    expect(LAMBDA_BUILD.platform).toBe('node');
    for (const [name, resource] of functions) {
      expect(resource.Metadata.BuildMethod, name).toBe('esbuild');
      const { EntryPoints: _entries, ...properties } = resource.Metadata.BuildProperties;
      expect(properties, name).toEqual({
        Minify: LAMBDA_BUILD.minify,
        Target: LAMBDA_BUILD.target,
        Format: LAMBDA_BUILD.format,
        MainFields: LAMBDA_BUILD.mainFields.join(','),
        Sourcemap: LAMBDA_BUILD.sourcemap,
        External: LAMBDA_BUILD.external,
      });
    }
  });

  it('run on nodejs22.x arm64, answer Twilio well within its 15 s, and keep logs for a limited time', () => {
    for (const [name] of functions) {
      expect(setting(name, 'Runtime'), name).toBe('nodejs22.x');
      expect(setting(name, 'Architectures'), name).toEqual(['arm64']);
      const logGroup = resources[fn(name).LoggingConfig?.LogGroup?.Ref];
      expect(logGroup?.Type, `${name} log group`).toBe('AWS::Logs::LogGroup');
      expect(logGroup.Properties.RetentionInDays, `${name} retention`).toBeDefined();
    }
    // The cold-start bench and the build's load-time guard start node with this memory's heap flags.
    for (const [name] of functions) expect(setting(name, 'MemorySize'), name).toBe(LAMBDA_MEMORY_MB);
    expect(setting('HttpFunction', 'Timeout')).toBeLessThan(15);
    expect(setting('SweepFunction', 'Timeout')).toBeLessThan(60);
  });

  it('serve POST /sms, POST /sms/status (delivery callbacks), ANY /api/{proxy+} and GET /healthz on the HTTP API, and sweep every minute', () => {
    const routes = Object.values(fn('HttpFunction').Events as Record<string, Json>).map((event) => {
      expect(event.Type).toBe('HttpApi');
      expect(event.Properties.ApiId).toEqual({ Ref: 'HttpApi' });
      return `${event.Properties.Method} ${event.Properties.Path}`;
    });
    expect(routes.sort()).toEqual(['ANY /api/{proxy+}', 'GET /healthz', 'POST /sms', 'POST /sms/status']);
    expect(resources.HttpApi.Type).toBe('AWS::Serverless::HttpApi');
    const sweeps = Object.values(fn('SweepFunction').Events as Record<string, Json>);
    expect(sweeps.map((event) => [event.Type, event.Properties.Schedule ?? event.Properties.ScheduleExpression])).toEqual([
      [expect.stringMatching(/^Schedule(V2)?$/), 'rate(1 minute)'],
    ]);
  });
});

describe('the environment the functions get', () => {
  it.each(functions.map(([name]) => name))('%s gets every variable Lambda needs and none of the local-only ones', (name) => {
    expect(Object.keys(env(name)).sort()).toEqual([...LAMBDA_ENV].sort());
  });

  it('points the store at the stage data prefix in S3 and the links at the public URL', () => {
    const vars = env('HttpFunction');
    expect(vars.STORE).toBe('s3');
    expect(vars.S3_BUCKET).toEqual({ Ref: 'SiteBucket' });
    expect(subText(vars.S3_PREFIX)).toBe('${Stage}/data');
    expect(vars.PUBLIC_BASE_URL).toEqual({ Ref: 'PublicBaseUrl' });
  });

  it.each(SECRETS)('%s arrives by a Secrets Manager reference, never as a value or a parameter', (secret) => {
    for (const [name] of functions) {
      expect(subText(env(name)[secret]), name).toBe(`{{resolve:secretsmanager:\${SecretsName}:SecretString:${secret}}}`);
    }
  });

  it('has no ssm-secure reference (CloudFormation rejects those in Lambda environment variables)', () => {
    expect(templateText).not.toMatch(/resolve:ssm-secure/);
  });

  it('takes no secret as a parameter: the only secret-like parameter is the secret name', () => {
    const secretLike = Object.keys(template.Parameters).filter((p) => /secret|token|password|hash|key/i.test(p));
    expect(secretLike).toEqual(['SecretsName']);
  });
});

describe('least privilege', () => {
  it.each(functions.map(([name]) => name))('%s has only inline statements with named actions on named resources', (name) => {
    for (const policy of fn(name).Policies) expect(Object.keys(policy), name).toEqual(['Statement']);
    for (const statement of statements(name)) {
      expect(statement.Effect).toBe('Allow');
      for (const action of asList(statement.Action)) expect(action).not.toMatch(/\*/);
      for (const resource of asList(statement.Resource)) expect(subText(resource) ?? resource).not.toBe('*');
    }
  });

  it.each(functions.map(([name]) => name))('%s reads and writes objects only under <Stage>/data/, lists only key names, deletes only parked texts', (name) => {
    const s3 = statements(name).filter((statement) => asList(statement.Action).some((a: string) => a.startsWith('s3:')));
    expect(s3.length).toBeGreaterThan(0);
    for (const statement of s3) {
      const actions: string[] = asList(statement.Action);
      if (actions.includes('s3:ListBucket')) {
        // S3 answers 404 (not 403) for a missing jobs.json only with ListBucket, which applies to the bucket.
        expect(actions).toEqual(['s3:ListBucket']);
        expect(statement.Resource).toEqual({ 'Fn::GetAtt': ['SiteBucket', 'Arn'] });
      } else if (actions.includes('s3:DeleteObject')) {
        // Only parked texts are ever deleted, once applied (handlers/inbox.ts).
        expect(actions).toEqual(['s3:DeleteObject']);
        for (const resource of asList(statement.Resource)) expect(subText(resource)).toBe('${SiteBucket.Arn}/${Stage}/data/inbox/*');
      } else {
        expect([...actions].sort()).toEqual(['s3:GetObject', 's3:PutObject']);
        for (const resource of asList(statement.Resource)) expect(subText(resource)).toBe('${SiteBucket.Arn}/${Stage}/data/*');
      }
    }
  });

  it.each(functions.map(([name]) => name))('%s sends mail only as the configured SES identity and reads no secrets', (name) => {
    const all = statements(name);
    const ses = all.filter((statement) => asList(statement.Action).some((a: string) => a.startsWith('ses:')));
    expect(ses.flatMap((s) => asList(s.Action)).sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
    for (const resource of ses.flatMap((s) => asList(s.Resource))) {
      expect(subText(resource)).toMatch(/^arn:\$\{AWS::Partition\}:ses:\$\{Region\}:\$\{AWS::AccountId\}:identity\/\$\{(MailFrom|Domain)\}$/);
    }
    // Secrets reach the function as resolved environment values; it never calls Secrets Manager, SSM or KMS.
    const services = new Set(all.flatMap((s) => asList(s.Action)).map((a: string) => a.split(':')[0]));
    expect([...services].sort()).toEqual(['s3', 'ses']);
  });
});

describe('the private bucket', () => {
  const bucket = resources.SiteBucket;
  const policy = resources.SiteBucketPolicy.Properties.PolicyDocument.Statement as Json[];

  it('blocks all public access, keeps every version, encrypts, and survives stack deletion', () => {
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    const [rule] = bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration;
    expect(['AES256', 'aws:kms']).toContain(rule.ServerSideEncryptionByDefault.SSEAlgorithm);
    expect(bucket.DeletionPolicy).toBe('Retain');
  });

  it('lets only this distribution read, and only the pages prefix', () => {
    const allows = policy.filter((statement) => statement.Effect === 'Allow');
    expect(allows).toEqual([
      {
        Sid: expect.any(String),
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: 's3:GetObject',
        Resource: { 'Fn::Sub': '${SiteBucket.Arn}/${Stage}/pages/*' },
        Condition: {
          StringEquals: { 'AWS:SourceArn': { 'Fn::Sub': 'arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${Distribution}' } },
        },
      },
    ]);
  });
});

describe('CloudFront', () => {
  const config = resources.Distribution.Properties.DistributionConfig;
  const origin = (id: string): Json => config.Origins.find((o: Json) => o.Id === id);
  const behaviour = (path: string): Json => config.CacheBehaviors.find((b: Json) => b.PathPattern === path);

  it('reads pages through Origin Access Control from the pages prefix, so the data prefix is unreachable', () => {
    const pages = origin(config.DefaultCacheBehavior.TargetOriginId);
    expect(pages.DomainName).toEqual({ 'Fn::GetAtt': ['SiteBucket', 'RegionalDomainName'] });
    expect(subText(pages.OriginPath)).toBe('/${Stage}/pages');
    expect(pages.OriginAccessControlId).toEqual({ 'Fn::GetAtt': ['PagesOriginAccessControl', 'Id'] });
    expect(pages.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    expect(resources.PagesOriginAccessControl.Properties.OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: 's3',
      SigningBehavior: 'always',
      SigningProtocol: 'sigv4',
    });
    const s3Origins = config.Origins.filter((o: Json) => o.S3OriginConfig);
    expect(s3Origins).toHaveLength(1);
  });

  it('runs the edge function as viewer-request on the default behaviour, with managed CachingOptimized', () => {
    const defaults = config.DefaultCacheBehavior;
    expect(defaults.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': ['EdgeRewriteFunction', 'FunctionMetadata.FunctionARN'] } },
    ]);
    expect(defaults.CachePolicyId).toBe(CACHING_OPTIMIZED);
    expect(defaults.ResponseHeadersPolicyId).toEqual({ Ref: 'SecurityHeadersPolicy' });
  });

  it.each(['/api/*', '/sms*'])('sends %s to the HTTP API uncached, with every viewer header but Host', (path) => {
    const b = behaviour(path);
    expect(subText(origin(b.TargetOriginId).DomainName)).toBe('${HttpApi}.execute-api.${AWS::Region}.amazonaws.com');
    expect(origin(b.TargetOriginId).CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
    expect(b.CachePolicyId).toBe(CACHING_DISABLED);
    expect(b.OriginRequestPolicyId).toBe(ALL_VIEWER_EXCEPT_HOST_HEADER);
    expect(b.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD']));
    expect(b.FunctionAssociations).toBeUndefined();
  });

  it('proves to the API that requests came through it: X-Origin-Verify from the ORIGIN_SECRET secret', () => {
    const api = origin(behaviour('/sms*').TargetOriginId);
    expect(api.OriginCustomHeaders).toEqual([
      { HeaderName: 'X-Origin-Verify', HeaderValue: { 'Fn::Sub': '{{resolve:secretsmanager:${SecretsName}:SecretString:ORIGIN_SECRET}}' } },
    ]);
    // The function checks the very same secret.
    expect(subText(env('HttpFunction').ORIGIN_SECRET)).toBe(subText(api.OriginCustomHeaders[0].HeaderValue));
  });

  it.each(['/api/*', '/sms*'])('answers %s with the API headers (CSP default-src none, nosniff, no referrer), as the app does', (path) => {
    expect(behaviour(path).ResponseHeadersPolicyId).toEqual({ Ref: 'ApiHeadersPolicy' });
    const headers = resources.ApiHeadersPolicy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(headers.ContentSecurityPolicy).toEqual({ ContentSecurityPolicy: API_HEADERS['Content-Security-Policy'], Override: true });
    expect(headers.ReferrerPolicy).toEqual({ ReferrerPolicy: API_HEADERS['Referrer-Policy'], Override: true });
    expect(headers.ContentTypeOptions).toEqual({ Override: true });
  });

  it('offers an optional WAF rate-based rule on /api/book and /api/login, off unless WafRateLimit is set', () => {
    expect(template.Parameters.WafRateLimit).toMatchObject({ Type: 'Number', Default: 0 });
    expect(template.Conditions.HasWaf).toEqual({ 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'WafRateLimit' }, 0] }] });
    const waf = resources.BookingWaf;
    expect(waf).toMatchObject({ Type: 'AWS::WAFv2::WebACL', Condition: 'HasWaf', Properties: { Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } } });
    const [rule] = waf.Properties.Rules;
    expect(rule.Action).toEqual({ Block: {} });
    expect(rule.Statement.RateBasedStatement).toMatchObject({ Limit: { Ref: 'WafRateLimit' }, AggregateKeyType: 'IP' });
    const paths = rule.Statement.RateBasedStatement.ScopeDownStatement.OrStatement.Statements.map((s: Json) => s.ByteMatchStatement.SearchString);
    expect(paths).toEqual(['/api/book', '/api/login']);
    expect(config.WebACLId).toEqual({ 'Fn::If': ['HasWaf', { 'Fn::GetAtt': ['BookingWaf', 'Arn'] }, { Ref: 'AWS::NoValue' }] });
  });

  it('has no custom error pages (they would replace the API\'s 403/404 answers for every behaviour)', () => {
    expect(config.CustomErrorResponses).toBeUndefined();
  });

  it('sends the pages the same security headers as the local server: CSP without inline scripts, plus HSTS', () => {
    const headers = resources.SecurityHeadersPolicy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    const csp: string = headers.ContentSecurityPolicy.ContentSecurityPolicy;
    expect(csp).toBe(PAGE_HEADERS['Content-Security-Policy']);
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(headers.ContentSecurityPolicy.Override).toBe(true);
    expect(headers.ReferrerPolicy.ReferrerPolicy).toBe(PAGE_HEADERS['Referrer-Policy']);
    expect(headers.FrameOptions.FrameOption).toBe(PAGE_HEADERS['X-Frame-Options']);
    expect(PAGE_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(headers.ContentTypeOptions).toEqual({ Override: true });
    expect(headers.StrictTransportSecurity.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(31536000);
  });
});

describe('the edge function in the template', () => {
  const edge = resources.EdgeRewriteFunction.Properties;

  it('is edge/rewrite.js as shipped (without comments), byte for byte (if not: run npm run sync-edge)', () => {
    expect(edge.FunctionCode === edgeCode, 'template.yaml has a stale copy of edge/rewrite.js: run npm run sync-edge').toBe(true);
    expect(syncEdgeCode(templateText, edgeCode) === templateText, 'run npm run sync-edge').toBe(true);
  });

  it('runs on cloudfront-js-2.0 and is published on deploy', () => {
    expect(edge.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    expect(edge.AutoPublish).toBe(true);
  });
});

describe('outputs', () => {
  it('give the webhook URL Twilio signs, the site, the distribution, the bucket and the API', () => {
    expect(Object.keys(template.Outputs)).toEqual(
      expect.arrayContaining(['WebhookUrl', 'SiteUrl', 'DistributionId', 'BucketName', 'ApiUrl']),
    );
    expect(subText(template.Outputs.WebhookUrl.Value)).toBe('${PublicBaseUrl}/sms');
    expect(template.Outputs.DistributionId.Value).toEqual({ Ref: 'Distribution' });
  });
});

describe('samconfig.toml', () => {
  const sections = parseSamconfig(read('samconfig.toml'));

  it.each(['staging', 'production'])('%s deploys its own stack with every required parameter, all valid', (stage) => {
    const deploy = sections.get(`${stage}.deploy.parameters`);
    expect(deploy, `[${stage}.deploy.parameters]`).toBeDefined();
    expect(deploy!.stack_name).toBe(`sms-dispatcher-${stage}`);
    expect(deploy!.capabilities).toMatch(/\bCAPABILITY_IAM\b/);
    expect(deploy!.resolve_s3).toBe(true);
    const overrides = Object.fromEntries(
      [...String(deploy!.parameter_overrides).matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, k, v]) => [k!, v!]),
    );
    expect(overrides.Stage).toBe(stage);
    const parameters: Record<string, Json> = template.Parameters;
    for (const [name, parameter] of Object.entries(parameters)) {
      if (parameter.Default === undefined) expect(overrides, `${stage} sets ${name}`).toHaveProperty(name);
    }
    for (const [name, value] of Object.entries(overrides)) {
      const parameter = parameters[name];
      expect(parameter, `${name} is a template parameter`).toBeDefined();
      if (parameter.AllowedValues) expect(parameter.AllowedValues, name).toContain(value);
      if (parameter.AllowedPattern) expect(value, name).toMatch(new RegExp(`^(?:${parameter.AllowedPattern})$`));
    }
  });
});

/** The subset of TOML samconfig.toml uses: [sections] and key = "string" | true | false | number lines. */
function parseSamconfig(text: string): Map<string, Record<string, string | number | boolean>> {
  const sections = new Map<string, Record<string, string | number | boolean>>();
  let current: Record<string, string | number | boolean> = {};
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (line === '' || line.startsWith('#')) continue;
    const section = /^\[([^\]]+)\]$/.exec(line);
    if (section) {
      current = {};
      sections.set(section[1]!, current);
      continue;
    }
    const pair = /^(\w+)\s*=\s*(.+)$/.exec(line);
    if (!pair) throw new Error(`samconfig.toml: cannot read line ${JSON.stringify(line)}`);
    current[pair[1]!] = JSON.parse(pair[2]!) as string | number | boolean;
  }
  return sections;
}
