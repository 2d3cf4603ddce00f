package io.dsm.common.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class CatalogueTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    private final ResourceBundle english = Catalogue.bundle(Languages.ENGLISH);
    private final ResourceBundle chinese = Catalogue.bundle(Languages.SIMPLIFIED_CHINESE);

    @Test
    void everyKeyExistsInBothLanguages() {
        Set<String> englishKeys = new TreeSet<>(english.keySet());
        Set<String> chineseKeys = ownKeys();
        assertThat(chineseKeys).isEqualTo(englishKeys);
    }

    @Test
    void everyMessageHasTheSamePlaceholdersInBothLanguages() {
        for (String key : english.keySet()) {
            assertThat(placeholders(chinese.getString(key))).as(key).isEqualTo(placeholders(english.getString(key)));
        }
    }

    @Test
    void everyMessageIsAValidPattern() {
        for (ResourceBundle bundle : List.of(english, chinese)) {
            for (String key : bundle.keySet()) {
                assertThat(new MessageFormat(bundle.getString(key), bundle.getLocale())).as(key).isNotNull();
            }
        }
    }

    @Test
    void rendersInTheLanguageAsked() {
        assertThat(Text.of("language.name").render(Languages.SIMPLIFIED_CHINESE)).isEqualTo("简体中文");
        assertThat(Text.of("language.name").render(Locale.GERMAN)).isEqualTo("English");
    }

    @Test
    void choosesSimplifiedChineseOnlyForChineseThatIsNotTraditional() {
        assertThat(Languages.choose(List.of(Locale.forLanguageTag("zh-CN")))).isEqualTo(Languages.SIMPLIFIED_CHINESE);
        assertThat(Languages.choose(List.of(Locale.forLanguageTag("zh")))).isEqualTo(Languages.SIMPLIFIED_CHINESE);
        assertThat(Languages.choose(List.of(Locale.forLanguageTag("zh-TW")))).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.choose(List.of(Locale.forLanguageTag("fr"), Locale.forLanguageTag("zh-Hans"))))
                .isEqualTo(Languages.SIMPLIFIED_CHINESE);
        assertThat(Languages.choose(List.of(Locale.forLanguageTag("en-US"), Locale.forLanguageTag("zh-CN"))))
                .isEqualTo(Languages.ENGLISH);
        assertThat(Languages.choose(List.of())).isEqualTo(Languages.ENGLISH);
    }

    @Test
    void everyConstraintMessageExistsInBothLanguages() {
        Set<String> englishKeys = new TreeSet<>(Catalogue.constraints(Languages.ENGLISH).keySet());
        assertThat(ownKeys("/ValidationMessages_zh_CN.properties")).isEqualTo(englishKeys);
    }

    @Test
    void rendersAConstraintMessageAsTheValidatorWritesIt() {
        assertThat(Text.of("constraint.port").render(Languages.SIMPLIFIED_CHINESE)).isEqualTo("必须在 1 到 65535 之间");
        assertThat(Text.of("constraint.host.characters").english())
                .isEqualTo("must not contain whitespace or any of / ? # & ; = @ , \\ % or quotes");
    }

    @Test
    void writesWholeNumbersAsDigitsWithoutGrouping() {
        assertThat(Text.of("check.network.reached", "db.example", 54321).english()).isEqualTo("Reached db.example:54321.");
    }

    @Test
    void choosesTheLanguageOfAnAcceptLanguageHeader() {
        assertThat(Languages.ofHeader("zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo(Languages.SIMPLIFIED_CHINESE);
        assertThat(Languages.ofHeader("en-GB,zh;q=0.5")).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.ofHeader(null)).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.ofHeader("not a header;;")).isEqualTo(Languages.ENGLISH);
    }

    @Test
    void keepsATextStoredAsJsonAndAPlainStringStoredBeforeKeys() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Text text = Text.of("secret.file-refused", "orders.pw", Text.of("file.missing", "/etc/dsm/secrets"));

        Text stored = json.readValue(json.writeValueAsString(text), Text.class);

        assertThat(stored.render(Languages.SIMPLIFIED_CHINESE)).isEqualTo(text.render(Languages.SIMPLIFIED_CHINESE));
        assertThat(json.readValue("\"is not UTF-8 text\"", Text.class).render(Languages.SIMPLIFIED_CHINESE))
                .isEqualTo("is not UTF-8 text");
    }

    private static Set<String> ownKeys() {
        return ownKeys("/i18n/messages_zh_CN.properties");
    }

    /** The keys of the Chinese file itself, not those the bundle would inherit from the English base. */
    private static Set<String> ownKeys(String resource) {
        Properties file = new Properties();
        try (var in = CatalogueTest.class.getResourceAsStream(resource);
                var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            file.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TreeSet<>(file.stringPropertyNames());
    }

    private static Set<Integer> placeholders(String pattern) {
        Set<Integer> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        while (matcher.find()) {
            found.add(Integer.parseInt(matcher.group(1)));
        }
        return found;
    }
}
