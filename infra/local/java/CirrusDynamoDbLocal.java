import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local as the local runtime starts it (infra/local/dynamodb-local.ts). Two things the
 * stock launcher cannot do:
 *  - listen on one address only (-Dcirrus.host, default 127.0.0.1): the stock server binds every
 *    interface and has no option for it, so its Jetty connector is given the host before start;
 *  - end with its parent: when standard input closes (the Node process stopped or died, however),
 *    it exits, so no DynamoDB Local outlives the runtime that started it.
 * Everything else (arguments, storage, the request handler) is Amazon's own ServerRunner.
 */
public final class CirrusDynamoDbLocal {
  public static void main(String[] args) throws Exception {
    String host = System.getProperty("cirrus.host", "127.0.0.1");
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field jetty = DynamoDBProxyServer.class.getDeclaredField("server");
    jetty.setAccessible(true);
    for (Connector connector : ((Server) jetty.get(proxy)).getConnectors()) {
      if (connector instanceof ServerConnector serverConnector) serverConnector.setHost(host);
    }
    Thread watchdog = new Thread(() -> {
      try {
        while (System.in.read() != -1) {
          // Nothing is ever sent; reading only waits for the parent's end of the pipe to close.
        }
      } catch (java.io.IOException ignored) {
        // A broken pipe means the same: the parent is gone.
      }
      System.exit(0);
    }, "parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    proxy.start();
  }
}
