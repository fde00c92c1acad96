package io.incidentflow.decision;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Gives the engine's decision tables {@link LiteralFeelEngine}; the tables themselves stay plain FEEL. */
@Component
class LiteralFeelPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        dmn.feelEngineFactory(() -> new LiteralFeelEngine(scalaFeel(configuration).createInstance()));
        configuration.setDmnEngineConfiguration(dmn);
    }

    /** Asked when the decision engine is built, after the engine has set its FEEL functions, if any. */
    private static ScalaFeelEngineFactory scalaFeel(ProcessEngineConfigurationImpl configuration) {
        return configuration.getDmnFeelCustomFunctionProviders() == null ? new ScalaFeelEngineFactory()
                : new ScalaFeelEngineFactory(configuration.getDmnFeelCustomFunctionProviders());
    }
}
