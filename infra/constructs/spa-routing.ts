import { Function as CloudFrontFunction, FunctionCode, FunctionRuntime } from 'aws-cdk-lib/aws-cloudfront';
import { Construct } from 'constructs';

/**
 * Viewer-request code of the SPA behaviour (the API paths have their own behaviours and never
 * run it). The console and the portal route on the client, so a deep link such as
 * /app/contacts/42 must be answered with /app/index.html. Doing this with CloudFront error
 * responses would also turn every API 403/404 into index.html; rewriting here touches only SPA
 * paths. A path whose last segment has a dot is a file (asset, config.json) and passes through.
 * `/` and `/app` redirect to `/app/` (as the local gateway does) so the router's `/app` basename
 * always matches.
 */
export const SPA_ROUTING_CODE = `
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri === '/' || uri === '' || uri === '/app') {
    return { statusCode: 302, statusDescription: 'Found', headers: { location: { value: '/app/' } } };
  }
  var last = uri.substring(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') !== -1) return request;
  if (uri.indexOf('/app/') === 0) request.uri = '/app/index.html';
  else if (uri === '/portal' || uri.indexOf('/portal/') === 0) request.uri = '/portal/index.html';
  return request;
}
`;

export class SpaRoutingFunction extends Construct {
  readonly function: CloudFrontFunction;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.function = new CloudFrontFunction(this, 'Function', {
      code: FunctionCode.fromInline(SPA_ROUTING_CODE),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'SPA deep links under /app/ and /portal/ to their index.html',
    });
  }
}
