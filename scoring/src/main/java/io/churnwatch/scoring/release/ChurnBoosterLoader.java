package io.churnwatch.scoring.release;

import io.churnwatch.scoring.trees.TreeEnsemble;
import io.churnwatch.scoring.trees.UnsupportedModelException;
import io.churnwatch.scoring.trees.XgboostJsonModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a release's churn model on the path the {@link ChurnEngine} asks for.
 *
 * <p>Every model is loaded and validated by xgboost4j first. For {@link ChurnEngine#JAVA} the booster's JSON model
 * is then read into a {@link TreeEnsemble}, checked against xgboost4j on probe rows ({@link JavaPathCheck}), and
 * the native booster freed: a row then costs tens of microseconds instead of a millisecond of JNI and DMatrix
 * overhead. A model the Java path cannot reproduce (e.g. categorical splits) stays on xgboost4j, with one warning
 * per release that says why.
 */
final class ChurnBoosterLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ChurnBoosterLoader.class);

    private ChurnBoosterLoader() {
    }

    /**
     * @param model    the release's {@code churnModel} bytes
     * @param features the release's feature count
     * @param owner    names the release in the warning of a fallback
     * @throws IllegalArgumentException when xgboost4j cannot load the model or its width is not {@code features}
     */
    static ChurnBooster load(byte[] model, int features, ChurnEngine engine, String owner) {
        XgboostChurnBooster xgboost = XgboostChurnBooster.load(model, features);
        if (engine == ChurnEngine.XGBOOST) {
            return xgboost;
        }
        TreeEnsemble ensemble;
        try {
            ensemble = XgboostJsonModel.parse(xgboost.json());
            JavaPathCheck.verify(ensemble, xgboost);
        } catch (UnsupportedModelException e) {
            LOG.warn("{}: scoring with xgboost4j's predictContrib instead of Java TreeSHAP, because of {}", owner,
                    e.getMessage());
            return xgboost;
        } catch (RuntimeException e) {
            // A model xgboost4j scores must never become unusable because the faster path tripped on it.
            LOG.warn("{}: scoring with xgboost4j's predictContrib instead of Java TreeSHAP, which failed: {}", owner,
                    e.toString());
            LOG.debug("{}: the Java path failed", owner, e);
            return xgboost;
        }
        xgboost.close();
        return new JavaChurnBooster(ensemble);
    }
}
