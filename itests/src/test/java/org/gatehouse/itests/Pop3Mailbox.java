package org.gatehouse.itests;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a mailbox of the test SMTP server over POP3, with a plain socket: the container has no mail library, and
 * the few POP3 commands needed (RFC 1939) are lines of text. Messages are left on the server.
 */
final class Pop3Mailbox {

    /** One message: its headers and its body, quoted-printable decoded. */
    record Mail(String headers, String body) {

        String subject() {
            for (String line : headers.split("\r?\n")) {
                if (line.regionMatches(true, 0, "Subject: ", 0, 9)) {
                    return line.substring(9).strip();
                }
            }
            return null;
        }
    }

    private final int port;
    private final String address;

    Pop3Mailbox(int port, String address) {
        this.port = port;
        this.address = address;
    }

    /** Every message in the mailbox, oldest first (empty while none has arrived). */
    List<Mail> messages() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.ISO_8859_1);
            ok(in.readLine());
            String user = command(in, out, "USER " + address);
            String pass = command(in, out, "PASS " + address);
            if (!user.startsWith("+OK") || !pass.startsWith("+OK")) {
                return List.of(); // no mailbox yet: nothing was ever sent to this address
            }
            int count = Integer.parseInt(ok(command(in, out, "STAT")).split(" ")[1]);
            List<Mail> mails = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                ok(command(in, out, "RETR " + i));
                mails.add(parse(readMultiLine(in)));
            }
            command(in, out, "QUIT");
            return mails;
        }
    }

    private static String command(BufferedReader in, Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
        return in.readLine();
    }

    private static String ok(String reply) throws IOException {
        if (reply == null || !reply.startsWith("+OK")) {
            throw new IOException("POP3 server answered: " + reply);
        }
        return reply;
    }

    private static List<String> readMultiLine(BufferedReader in) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = in.readLine(); !".".equals(line); line = in.readLine()) {
            if (line == null) {
                throw new IOException("POP3 message cut short");
            }
            lines.add(line.startsWith("..") ? line.substring(1) : line);
        }
        return lines;
    }

    private static Mail parse(List<String> lines) {
        int blank = lines.indexOf("");
        String headers = String.join("\n", lines.subList(0, blank));
        List<String> body = lines.subList(blank + 1, lines.size());
        boolean quotedPrintable = headers.toLowerCase().contains("content-transfer-encoding: quoted-printable");
        return new Mail(headers, quotedPrintable ? decodeQuotedPrintable(body) : String.join("\n", body));
    }

    private static String decodeQuotedPrintable(List<String> lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String line : lines) {
            boolean soft = line.endsWith("=");
            String text = soft ? line.substring(0, line.length() - 1) : line;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '=' && i + 2 < text.length()) {
                    bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    bytes.write(c);
                }
            }
            if (!soft) {
                bytes.write('\n');
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
