import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { config } from '../config.js';
import {
  type AttachmentStorage,
  contentDisposition,
  PRESIGN_SECONDS,
  type PresignedRequest,
  type StoredObject,
  storedObjectOf,
  type UploadRequest,
} from './attachment-storage.js';

/** SHA-256 for the signer from node:crypto (the SDK's own hash package is not needed). */
type Data = string | ArrayBuffer | ArrayBufferView;
const bytes = (d: Data): string | Uint8Array =>
  typeof d === 'string'
    ? d
    : d instanceof ArrayBuffer
      ? new Uint8Array(d)
      : new Uint8Array(d.buffer, d.byteOffset, d.byteLength);

class Sha256 {
  private hash;
  constructor(private readonly secret?: Data) {
    this.hash = this.fresh();
  }
  private fresh() {
    return this.secret ? createHmac('sha256', bytes(this.secret)) : createHash('sha256');
  }
  update(data: Data): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

/**
 * S3 adapter of the storage port: SigV4 presigned URLs on the private attachments bucket, made
 * with the signer alone (no S3 client in the bundle). The upload URL signs content-type and
 * content-length, so S3 refuses another type or size than the one checked by the route.
 * Credentials are the function role's (Lambda puts them in the environment).
 */
export class S3Storage implements AttachmentStorage {
  private readonly signer: SignatureV4;
  private readonly host: string;

  constructor(
    private readonly bucket: string,
    region: string,
  ) {
    this.host = `${bucket}.s3.${region}.amazonaws.com`;
    this.signer = new SignatureV4({
      service: 's3',
      region,
      sha256: Sha256,
      uriEscapePath: false,
      // The function role's credentials, which Lambda puts in the environment.
      credentials: async () => ({
        accessKeyId: config().AWS_ACCESS_KEY_ID ?? '',
        secretAccessKey: config().AWS_SECRET_ACCESS_KEY ?? '',
        sessionToken: config().AWS_SESSION_TOKEN,
      }),
    });
  }

  async presignUpload(req: UploadRequest, now: Date): Promise<PresignedRequest> {
    const headers = { 'content-type': req.contentType, 'content-length': String(req.size) };
    const url = await this.presign('PUT', req.key, headers, {}, now);
    return { url, method: 'PUT', headers: { 'content-type': req.contentType }, expiresAt: expiry(now) };
  }

  async presignDownload(key: string, fileName: string, now: Date): Promise<PresignedRequest> {
    const url = await this.presign(
      'GET',
      key,
      {},
      { 'response-content-disposition': contentDisposition(fileName) },
      now,
    );
    return { url, method: 'GET', headers: {}, expiresAt: expiry(now) };
  }

  /** HeadObject with a presigned HEAD (authorised by s3:GetObject), still without the S3 client. */
  async headObject(key: string, now: Date): Promise<StoredObject | undefined> {
    const url = await this.presign('HEAD', key, {}, {}, now);
    return storedObjectOf(await fetch(url, { method: 'HEAD' }));
  }

  private async presign(
    method: 'PUT' | 'GET' | 'HEAD',
    key: string,
    headers: Record<string, string>,
    query: Record<string, string>,
    now: Date,
  ): Promise<string> {
    const path = `/${key.split('/').map(encodeURIComponent).join('/')}`;
    const signed = await this.signer.presign(
      { method, protocol: 'https:', hostname: this.host, path, query, headers: { host: this.host, ...headers } },
      { expiresIn: PRESIGN_SECONDS, signingDate: now, signableHeaders: new Set(Object.keys(headers)) },
    );
    const qs = Object.entries(signed.query ?? {})
      .map(([k, v]) => `${rfc3986(k)}=${rfc3986(String(v))}`)
      .join('&');
    return `https://${this.host}${signed.path}?${qs}`;
  }
}

/** SigV4 canonical encoding (encodeURIComponent leaves !'()* alone, S3 signs them encoded). */
const rfc3986 = (v: string) =>
  encodeURIComponent(v).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const expiry = (now: Date) => new Date(now.getTime() + PRESIGN_SECONDS * 1000).toISOString();
