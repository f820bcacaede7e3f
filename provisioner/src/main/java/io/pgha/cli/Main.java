package io.pgha.cli;

/** Entry point of the shaded jar. (The picocli commands land with the engine work.) */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("pgha");
    }
}
