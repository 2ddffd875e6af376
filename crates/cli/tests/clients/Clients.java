// Java's java.net.http.HttpClient against `govit-check serve`, with and without
// expectContinue, for crates/cli/tests/serve_clients.rs. One JSON-ish line per run:
//   java Clients URL too-large|batch N
// prints: {"client":"java-expect"|"java","status":S,"lines":L,"body":"first 200 chars"}
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

public class Clients {
    public static void main(String[] args) throws Exception {
        String url = args[0], mode = args[1];
        byte[] body;
        String path;
        if (mode.equals("too-large")) {
            path = "v1/eligibility";
            body = new byte[8 << 20];
            java.util.Arrays.fill(body, (byte) ' ');
        } else {
            path = "v1/batch";
            int n = Integer.parseInt(args[2]);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) sb.append("{\"id\":").append(i).append(",\"check\":\"version\",\"input\":{}}\n");
            body = sb.toString().getBytes("UTF-8");
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
        for (boolean expect : new boolean[] {true, false}) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(url + path))
                .expectContinue(expect).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            String name = expect ? "java-expect" : "java";
            try {
                HttpResponse<String> res = client.send(req, HttpResponse.BodyHandlers.ofString());
                String text = res.body();
                long lines = text.chars().filter(c -> c == '\n').count();
                String head = text.substring(0, Math.min(200, text.length())).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ");
                System.out.println("{\"client\":\"" + name + "\",\"status\":" + res.statusCode() + ",\"lines\":" + lines + ",\"body\":\"" + head + "\"}");
            } catch (Exception e) {
                System.out.println("{\"client\":\"" + name + "\",\"status\":null,\"error\":\"" + e.getClass().getSimpleName() + "\"}");
            }
        }
    }
}
