/** The JSON body of every error response: `{ error: { code, message, fields? }, requestId }`. */
export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
  requestId: string;
}
