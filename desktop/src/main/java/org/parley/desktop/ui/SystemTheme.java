package org.parley.desktop.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Whether the computer's desktop is set to a dark theme, asked the way each system answers it:
 * <ul>
 * <li>{@code PARLEY_THEME=dark|light} decides, on every system;</li>
 * <li>Windows: the {@code AppsUseLightTheme} value of the user's personalisation settings ({@code reg query});</li>
 * <li>macOS: {@code defaults read -g AppleInterfaceStyle} answers {@code Dark};</li>
 * <li>Linux and other Unix desktops: {@code GTK_THEME} ending in {@code :dark}, else GNOME's
 * {@code color-scheme} ({@code prefer-dark}) or a {@code gtk-theme} named {@code …-dark}
 * ({@code gsettings}).</li>
 * </ul>
 * A system that does not answer (no such command, a timeout) counts as light.
 */
final class SystemTheme {

    private static final long ASK_TIMEOUT_MS = 2000;

    private final String osName;
    private final Map<String, String> environment;
    private final Function<List<String>, Optional<String>> ask;

    SystemTheme(String osName, Map<String, String> environment, Function<List<String>, Optional<String>> ask) {
        this.osName = osName.toLowerCase(Locale.ROOT);
        this.environment = environment;
        this.ask = ask;
    }

    /** This computer's answer. */
    static SystemTheme here() {
        return new SystemTheme(System.getProperty("os.name", ""), System.getenv(), SystemTheme::run);
    }

    boolean dark() {
        String chosen = environment.getOrDefault("PARLEY_THEME", "").strip().toLowerCase(Locale.ROOT);
        if (chosen.equals("dark") || chosen.equals("light")) {
            return chosen.equals("dark");
        }
        if (osName.startsWith("windows")) {
            return ask.apply(List.of("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme")).map(SystemTheme::windowsSaysDark).orElse(false);
        }
        if (osName.startsWith("mac")) {
            return ask.apply(List.of("defaults", "read", "-g", "AppleInterfaceStyle"))
                    .map(answer -> answer.strip().equalsIgnoreCase("dark")).orElse(false);
        }
        if (environment.getOrDefault("GTK_THEME", "").toLowerCase(Locale.ROOT).endsWith(":dark")) {
            return true;
        }
        boolean preferDark = ask.apply(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"))
                .map(answer -> answer.contains("prefer-dark")).orElse(false);
        return preferDark || ask.apply(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme"))
                .map(answer -> answer.strip().replace("'", "").toLowerCase(Locale.ROOT).endsWith("-dark")).orElse(false);
    }

    /** {@code reg query} prints {@code AppsUseLightTheme    REG_DWORD    0x0} for a dark theme. */
    static boolean windowsSaysDark(String answer) {
        return answer.lines().map(String::strip).filter(line -> line.startsWith("AppsUseLightTheme"))
                .map(line -> line.split("\\s+")).anyMatch(words -> words[words.length - 1].equalsIgnoreCase("0x0"));
    }

    /** What a command prints, if it ran and succeeded in time. */
    private static Optional<String> run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(ASK_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            String answer = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.exitValue() == 0 ? Optional.of(answer) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
