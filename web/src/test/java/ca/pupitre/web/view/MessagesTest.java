package ca.pupitre.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Bilingual everywhere: every French sentence of the pages has its English twin, and nothing more. */
class MessagesTest {

    @Test
    void englishTranslatesEveryMessage() throws Exception {
        Properties en = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages/msg_en.properties")) {
            en.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> keys = Arrays.stream(Messages.class.getDeclaredMethods()).map(Method::getName).collect(Collectors.toSet());
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(en.values()).allSatisfy(text -> assertThat(text.toString()).isNotBlank());
    }
}
