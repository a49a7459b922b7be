import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { manifest } from '../../infra/manifest.js';
import { type FunctionDecl, identityTriggerFunctions } from '../../infra/manifest.types.js';
import {
  buildTestApp,
  buildVariantApp,
  type CfnResources,
  resourcesOf,
  templateOf,
  VARIANT_DOMAIN,
} from './helpers/app.js';

/**
 * The contract attachments bucket (the AWS side of shared/storage): private, SSL-only,
 * encrypted, versioned, logged; CORS open to the console's origin for the presigned PUT/GET
 * only; and reachable by the contracts function alone, for put and get on its prefix.
 */
const cirrus = buildVariantApp();
const data = templateOf(cirrus.data);
const functions = templateOf(cirrus.functions);
const web = templateOf(cirrus.web);

const buckets = resourcesOf(data, 'AWS::S3::Bucket');
const [attachmentsId, attachments] = Object.entries(buckets).find(([id]) => id.startsWith('Attachments')) ?? [];
const [logsId] = Object.entries(buckets).find(([id]) => id.startsWith('AttachmentLogs')) ?? [];
const triggers = identityTriggerFunctions(manifest);
const decls = (Object.entries(manifest.functions) as [string, FunctionDecl][]).filter(([id]) => !triggers.has(id));

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

function statementsOf(template: ReturnType<typeof templateOf>, roleFragment: string): Statement[] {
  return Object.values(resourcesOf(template, 'AWS::IAM::Policy'))
    .filter((p) => JSON.stringify(p.Properties.Roles).includes(roleFragment))
    .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

/** Statements of any function role that name the attachments bucket. */
function onAttachments(statements: Statement[]): Statement[] {
  return statements.filter((s) => JSON.stringify(s.Resource).includes(`${manifest.service}-attachments-`));
}

function envOf(description: string): Record<string, unknown> {
  const fn = Object.values(resourcesOf(functions, 'AWS::Lambda::Function')).find(
    (f) => f.Properties.Description === description,
  );
  return (fn?.Properties.Environment as { Variables: Record<string, unknown> } | undefined)?.Variables ?? {};
}

describe('the attachments bucket', () => {
  it('exists next to its access-log bucket, both retained with the stack, named per account and region', () => {
    expect(attachmentsId).toBeDefined();
    expect(logsId).toBeDefined();
    expect(attachments?.DeletionPolicy).toBe('Retain');
    expect(buckets[logsId!]?.DeletionPolicy).toBe('Retain');
    expect(JSON.stringify(attachments?.Properties.BucketName)).toMatch(/attachments-.*AWS::AccountId.*AWS::Region/);
  });

  it('blocks every kind of public access and encrypts at rest', () => {
    expect(attachments?.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(JSON.stringify(attachments?.Properties.BucketEncryption)).toContain('AES256');
    expect(attachments?.Properties.OwnershipControls).toEqual({
      Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }],
    });
  });

  it('refuses any request without TLS', () => {
    const policies = resourcesOf(data, 'AWS::S3::BucketPolicy') as CfnResources;
    const policy = Object.values(policies).find((p) => JSON.stringify(p.Properties.Bucket).includes(attachmentsId!));
    expect(policy).toBeDefined();
    const statements = (policy!.Properties.PolicyDocument as { Statement: Statement[] }).Statement;
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Action: 's3:*',
        Principal: { AWS: '*' },
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
    // No statement grants anything to everyone.
    expect(statements.filter((s) => s.Effect === 'Allow')).toEqual([]);
  });

  it('is versioned, expires old versions and stale multipart uploads, and logs access', () => {
    data.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { DestinationBucketName: { Ref: logsId }, LogFilePrefix: 'attachments/' },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: 90 } }),
          Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }),
        ]),
      },
    });
  });

  it("lets only the console's origin use presigned PUT, GET and HEAD from the browser", () => {
    expect(attachments?.Properties.CorsConfiguration).toEqual({
      CorsRules: [
        {
          AllowedOrigins: [`https://${VARIANT_DOMAIN}`],
          AllowedMethods: ['PUT', 'GET', 'HEAD'],
          AllowedHeaders: ['content-type'],
          ExposedHeaders: ['etag'],
          MaxAge: 3600,
        },
      ],
    });
  });

  it("puts the bucket's endpoint in the console's connect-src, so the upload is allowed", () => {
    const csp = JSON.stringify(resourcesOf(web, 'AWS::CloudFront::ResponseHeadersPolicy'));
    const connect = csp.slice(csp.indexOf('connect-src'), csp.indexOf('worker-src'));
    expect(connect).toContain(`https://${manifest.service}-attachments-`);
    expect(connect).toContain('.s3.');
  });
});

describe('the attachments grant', () => {
  it('goes to the contracts function only', () => {
    const granted = decls.filter(([, decl]) => decl.grants.attachments).map(([id]) => id);
    expect(granted).toEqual(['contracts']);
    for (const [id, decl] of decls) {
      const statements = onAttachments(statementsOf(functions, `Fn${id}`));
      const env = envOf(decl.description);
      if (id === 'contracts') {
        expect(statements).toHaveLength(1);
        expect(JSON.stringify(env.ATTACHMENTS_BUCKET)).toContain(`${manifest.service}-attachments-`);
      } else {
        expect(statements, id).toEqual([]);
        expect('ATTACHMENTS_BUCKET' in env, id).toBe(false);
      }
    }
  });

  it('allows exactly PutObject and GetObject, on the contracts/ prefix of that bucket', () => {
    const [statement] = onAttachments(statementsOf(functions, 'Fncontracts'));
    expect([statement!.Action].flat().sort()).toEqual(['s3:GetObject', 's3:PutObject']);
    expect(statement!.Effect).toBe('Allow');
    const resource = JSON.stringify(statement!.Resource);
    expect(resource).toContain('/contracts/*');
    expect(resource).not.toMatch(/"\*"|:\*"/);
  });

  it('leaves no other S3 action to any function role of the app', () => {
    const all = decls.flatMap(([id]) => statementsOf(functions, `Fn${id}`));
    const s3 = all.flatMap((s) => [s.Action].flat()).filter((a) => a.startsWith('s3:'));
    expect([...new Set(s3)].sort()).toEqual(['s3:GetObject', 's3:PutObject']);
  });

  it('is the same without a custom domain (the placeholder origin)', () => {
    const plain = templateOf(buildTestApp().data);
    const bucket = Object.entries(resourcesOf(plain, 'AWS::S3::Bucket')).find(([id]) =>
      id.startsWith('Attachments'),
    )?.[1];
    expect(JSON.stringify(bucket?.Properties.CorsConfiguration)).toContain('https://');
  });
});
