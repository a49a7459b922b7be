import { join } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { ApplicationLogLevel, Architecture, LoggingFormat, Runtime, SystemLogLevel } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { nodejsBundling } from '../bundling.js';
import type { FunctionDecl } from '../manifest.types.js';

/** Defaults for functions whose manifest entry leaves them out. */
const DEFAULT_MEMORY_MB = 256;
const DEFAULT_TIMEOUT_SECONDS = 10;

export interface CrmFunctionProps {
  /** The manifest's id of the function (`customers`, `purgeWorker`, ...). */
  readonly functionId: string;
  readonly decl: FunctionDecl;
  /** Manifest service name: the Powertools service every log line carries. */
  readonly service: string;
  readonly version: string;
  readonly logRetention: RetentionDays;
  readonly projectRoot: string;
  /** The console's URL (links in e-mails); every function gets it, since shared/config.ts requires it in Lambda. */
  readonly appUrl: string;
}

/**
 * One Lambda of the manifest: Node 24 on Graviton, bundled by local esbuild, JSON logs into its
 * own log group. It starts with no permission beyond writing that log group; the binding helpers
 * (bindings.ts) add exactly what the manifest grants.
 */
export class CrmFunction extends Construct {
  readonly functionId: string;
  readonly fn: NodejsFunction;
  readonly role: Role;
  readonly timeout: Duration;

  constructor(scope: Construct, id: string, props: CrmFunctionProps) {
    super(scope, id);
    const { decl } = props;
    this.functionId = props.functionId;
    this.timeout = Duration.seconds(decl.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS);

    // Logs are operational, not records (no PII by design): they go with the stack.
    const logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // Our own role instead of the default one: the default attaches the AWSLambdaBasicExecutionRole
    // managed policy, which may write to every log group in the account.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: roleDescription(`${props.service} ${props.functionId}: ${decl.description}`),
    });
    logGroup.grantWrite(this.role);

    this.fn = new NodejsFunction(this, 'Function', {
      entry: join(props.projectRoot, decl.entry),
      handler: 'handler',
      projectRoot: props.projectRoot,
      depsLockFilePath: join(props.projectRoot, 'package-lock.json'),
      description: decl.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: decl.memoryMb ?? DEFAULT_MEMORY_MB,
      timeout: this.timeout,
      role: this.role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      environment: {
        POWERTOOLS_SERVICE_NAME: props.service,
        APP_VERSION: props.version,
        APP_URL: props.appUrl,
      },
      bundling: nodejsBundling(decl.assets?.map((folder) => join(props.projectRoot, folder))),
    });
  }
}

/**
 * IAM role descriptions accept Latin-1 only (CloudFormation validates it at synth): typographic
 * quotes and dashes of a manifest description become ASCII, anything else outside becomes `?`.
 */
export function roleDescription(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[^\t\n\r\x20-\x7e\xa1-\xff]/g, '?')
    .slice(0, 1000);
}
