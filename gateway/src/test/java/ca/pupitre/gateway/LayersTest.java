package ca.pupitre.gateway;

import ca.pupitre.testing.Layers;
import org.junit.jupiter.api.Test;

/** The service follows the one layering of all four (see {@link Layers}): HTTP in rest, queries in repositories. */
class LayersTest {

    @Test
    void followsTheLayering() {
        Layers.check("ca.pupitre.gateway");
    }
}
