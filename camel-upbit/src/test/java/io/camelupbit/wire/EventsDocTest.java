package io.camelupbit.wire;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.camelupbit.docs.GeneratedSections;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/events.md's per-type field tables are generated from {@link FieldRegistry}: this test regenerates them and
 * fails on any difference (run it with {@code -Dupbit.docs.update=true} to rewrite them). It also holds the registry
 * to the records: every record component is listed, every listed accessor exists.
 */
class EventsDocTest {

    private static final Path EVENTS = Path.of("..", "docs", "events.md");

    @Test
    void everyRecordComponentIsInTheRegistry() {
        for (FieldRegistry.Table table : FieldRegistry.TABLES) {
            var listed = table.fields().stream().map(FieldRegistry.FieldUse::accessor).collect(Collectors.toSet());
            assertThat(Arrays.stream(table.record().getRecordComponents()).map(RecordComponent::getName))
                    .as("components of %s", table.record().getSimpleName())
                    .allSatisfy(name -> assertThat(listed).contains(name));
            for (String accessor : listed) {
                assertThat(accessor(table, accessor)).as("%s.%s()", table.record().getSimpleName(), accessor)
                        .isNotNull();
            }
        }
    }

    @Test
    void fieldTablesMatchTheRegistry() throws IOException {
        StringBuilder out = new StringBuilder();
        for (FieldRegistry.Table table : FieldRegistry.TABLES) {
            out.append("#### `").append(table.name()).append("` → `").append(table.record().getSimpleName())
                    .append("`\n\n| key | SIMPLE | accessor | Java type | null when | source |\n|---|---|---|---|---|---|\n");
            for (FieldRegistry.FieldUse f : table.fields()) {
                Method accessor = accessor(table, f.accessor());
                out.append("| `").append(f.defaultKey()).append("` | `").append(f.simpleKey()).append("` | `")
                        .append(f.accessor()).append("()`")
                        .append(accessor.isAnnotationPresent(Deprecated.class) ? " *(deprecated)*" : "")
                        .append(" | `").append(typeName(accessor.getGenericReturnType())).append("` | ")
                        .append(GeneratedSections.cell(nullWhen(f, accessor))).append(" | [")
                        .append(f.source().substring(f.source().lastIndexOf('/') + 1)).append("](")
                        .append(f.source()).append(") |\n");
            }
            out.append('\n');
        }
        GeneratedSections.check(EVENTS, Map.of("field-tables", out.toString()));
    }

    private static Method accessor(FieldRegistry.Table table, String name) {
        try {
            return table.record().getMethod(name);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static String nullWhen(FieldRegistry.FieldUse f, Method accessor) {
        if (f.key()) {
            return "never (key)";
        }
        if (accessor.getReturnType().isPrimitive()) {
            return "never";
        }
        if (accessor.getReturnType() == java.util.List.class) {
            return "never (empty when absent)";
        }
        return f.upbitNull() == null ? "absent or malformed" : f.upbitNull() + "; absent or malformed";
    }

    private static String typeName(Type type) {
        if (type instanceof ParameterizedType p) {
            return ((Class<?>) p.getRawType()).getSimpleName() + "<"
                    + Arrays.stream(p.getActualTypeArguments()).map(EventsDocTest::typeName)
                    .collect(Collectors.joining(", ")) + ">";
        }
        return ((Class<?>) type).getSimpleName();
    }
}
