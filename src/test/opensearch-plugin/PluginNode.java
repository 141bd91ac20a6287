import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.opensearch.Version;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.PluginInfo;
import org.opensearch.transport.Netty4ModulePlugin;

/**
 * A single real OpenSearch 3.8.0 node, started from Maven jars, that loads kensaku's plugin zip the way an
 * installed distribution does: from {@code <home>/plugins/kensaku-analysis/} in its own class loader, on a class
 * path holding OpenSearch and its Lucene (no kuromoji, no kensaku). A manual check, see docs/SCALE-OUT.md:
 *
 * <pre>java -cp "$(cat cp.txt)" PluginNode.java HOME HTTP_PORT</pre>
 */
public class PluginNode {
    static final class ClasspathNode extends Node {
        ClasspathNode(Environment environment, List<PluginInfo> plugins) {
            super(environment, plugins, true);
        }
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Files.createDirectories(home.resolve("config"));
        Settings settings = Settings.builder().put("cluster.name", "kensaku-plugin-check").put("node.name", "n0")
                .put("path.home", home.toString()).put("path.data", home.resolve("data").toString())
                .put("network.host", "127.0.0.1").put("http.port", args[1]).put("transport.port", Integer.parseInt(args[1]) + 100)
                .put("discovery.type", "single-node").build();
        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), home.resolve("config"), () -> "n0");
        String netty = Netty4ModulePlugin.class.getName();
        Node node = new ClasspathNode(environment, List.of(
                new PluginInfo(netty, "netty", "NA", Version.CURRENT, "21", netty, null, List.of(), false)));
        node.start();
        System.out.println("READY");
        System.in.read();
        node.close();
    }
}
