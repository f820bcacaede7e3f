package io.pgha.operations;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TextDiffTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void newFileDiffsAgainstDevNull() {
        assertThat(TextDiff.unified("/etc/x", null, b("a\nb\n"))).isEqualTo("""
                --- /dev/null
                +++ /etc/x
                @@ -0,0 +1,2 @@
                +a
                +b
                """);
    }

    @Test
    void onlyTheChangedRegionWithThreeLinesOfContext() {
        String old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        String diff = TextDiff.unified("/etc/x", b(old), b(old.replace("8", "eight")));

        assertThat(diff).contains("@@ -5,5 +5,5 @@", "-8", "+eight").doesNotContain(" 1\n", " 4\n");
    }

    @Test
    void binaryContentIsNotPrinted() {
        assertThat(TextDiff.unified("/usr/lib/x.so", b("ok\n"), new byte[]{0x7f, 'E', 'L', 'F', 0, 1}))
                .isEqualTo("--- /usr/lib/x.so\n+++ /usr/lib/x.so\nbinary content differs\n");
        assertThat(TextDiff.unified("/x", new byte[]{(byte) 0xff, (byte) 0xfe}, b("text\n")))
                .endsWith("binary content differs\n");
    }
}
