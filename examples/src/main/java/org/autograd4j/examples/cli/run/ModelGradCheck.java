package org.autograd4j.examples.cli.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.autograd4j.core.DType;
import org.autograd4j.core.GradCheck;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.Linear;
import org.autograd4j.nn.Loss;
import org.autograd4j.nn.Mlp;
import org.autograd4j.nn.Module;
import org.autograd4j.nn.PReLU;
import org.autograd4j.nn.Sequential;

/**
 * Checks a network's parameter gradients against {@link GradCheck}, the numerical oracle: the loss on a batch is
 * written as a function of the parameters, whose gradients autodiff computes and central differences (float64)
 * estimate.
 *
 * <p>To make the loss a function of the oracle's own copies of the parameters, the network is replayed layer by
 * layer: a {@link Linear} as {@code x @ W + b} and a {@link PReLU} as {@link PReLU#apply} with the copies, every layer
 * without parameters (activations, dropout) as itself. Other layers with parameters (modules of your own) are
 * refused.
 */
public final class ModelGradCheck {
    /** The most parameters checked: each needs two forward passes. */
    public static final long MAX_PARAMETERS = 50_000;

    private ModelGradCheck() {
    }

    /**
     * Runs the check in evaluation mode (dropout off).
     *
     * @param model the network, switched to evaluation mode
     * @param loss the training loss
     * @param x a batch {@code [n, features]}, as the network sees it (preprocessed)
     * @param y its labels, shaped for {@code loss}
     * @return the check's result
     * @throws IllegalArgumentException if the network has a layer that cannot be replayed or is too large
     */
    public static GradCheck.Result check(Module model, Loss loss, Tensor x, Tensor y) {
        List<Module> layers = layers(model);
        if (model.parameterCount() > MAX_PARAMETERS) {
            throw new IllegalArgumentException("the model has " + model.parameterCount() + " parameters; the check"
                    + " runs two forward passes per parameter, so it allows at most " + MAX_PARAMETERS);
        }
        model.eval();
        Tensor x64 = x.to(DType.FLOAT64);
        Tensor y64 = y.to(DType.FLOAT64);
        List<Tensor> params = new ArrayList<>();
        for (Tensor p : model.parameters()) {
            params.add(Tensor.of(p.toDoubleArray(), p.shape()).requiresGrad(true));
        }
        Function<List<Tensor>, Tensor> f = ps -> loss.compute(replay(layers, ps, x64), y64);
        return GradCheck.check(f, params);
    }

    /** The layers in order: an {@link Mlp}'s, a {@link Sequential}'s, or a lone {@link Linear}. */
    private static List<Module> layers(Module model) {
        List<Module> layers = model instanceof Mlp m ? m.layers().layers()
                : model instanceof Sequential s ? s.layers() : List.of(model);
        for (Module layer : layers) {
            if (!(layer instanceof Linear) && !(layer instanceof PReLU) && !layer.parameters().isEmpty()) {
                throw new IllegalArgumentException("cannot check a " + layer.getClass().getSimpleName()
                        + " layer: only Linear, PReLU and layers without parameters are supported");
            }
        }
        return layers;
    }

    private static Tensor replay(List<Module> layers, List<Tensor> params, Tensor x) {
        int next = 0;
        Tensor h = x;
        for (Module layer : layers) {
            if (layer instanceof Linear linear) {
                h = h.matmul(params.get(next++));
                if (linear.hasBias()) {
                    h = h.add(params.get(next++));
                }
            } else if (layer instanceof PReLU) {
                h = PReLU.apply(h, params.get(next++));
            } else {
                h = layer.forward(h);
            }
        }
        return h;
    }
}
