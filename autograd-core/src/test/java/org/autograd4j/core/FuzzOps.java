package org.autograd4j.core;

import java.util.List;
import java.util.Map;

/**
 * The differential fuzzer's op names (those of {@code src/test/python/fuzz_ops.py}) as autograd4j's Tensor calls.
 * The Python table says how PyTorch computes each; this one how we do, one line per op.
 */
final class FuzzOps {
    /** Every op name this class knows, in the order of its switch. */
    static final List<String> NAMES = List.of(
            "neg", "exp", "log", "sqrt", "rsqrt", "reciprocal", "abs", "tanh", "sigmoid", "relu", "softplus", "erf",
            "log1p", "expm1", "sin", "cos", "gelu", "geluTanh", "silu", "logSigmoid", "square", "sign", "leakyRelu",
            "pow", "clamp", "addc", "subc", "mulc", "divc", "add", "sub", "mul", "div", "maximum", "minimum", "powT",
            "where", "maskedFill", "matmul", "dot", "outer", "addmm", "sumAll", "sum", "meanAll", "mean", "var",
            "std", "varAll", "stdAll", "norm", "normAll", "prod", "prodAll", "amax", "amin", "amaxAll", "aminAll",
            "max", "min", "maxAll", "minAll", "logSumExp", "logSumExpAll", "softmax", "logSoftmax", "cumsum",
            "reshape", "transpose", "permute", "broadcastTo", "unsqueeze", "squeeze", "squeezeAll", "flatten",
            "flattenAll", "slice", "concat", "stack", "flip", "repeat", "tile", "indexSelect", "index", "gather",
            "scatterAdd", "chunk", "split", "scatter", "scatterValue", "splitSizes", "einsum", "detach",
            "transposeLast", "sumAxis", "meanAxis", "logSumExpAxis", "cast");

    private FuzzOps() {
    }

    /** The instruction's result, its operands looked up in {@code env}. */
    static Tensor apply(FuzzProgram.Inst i, Map<String, Tensor> env) {
        List<Tensor> xs = i.operands().stream().map(env::get).toList();
        Tensor x = xs.get(0);
        Tensor y = xs.size() > 1 ? xs.get(1) : null;
        return switch (i.op()) {
            case "neg" -> x.neg();
            case "exp" -> x.exp();
            case "log" -> x.log();
            case "sqrt" -> x.sqrt();
            case "rsqrt" -> x.rsqrt();
            case "reciprocal" -> x.reciprocal();
            case "abs" -> x.abs();
            case "tanh" -> x.tanh();
            case "sigmoid" -> x.sigmoid();
            case "relu" -> x.relu();
            case "softplus" -> x.softplus();
            case "erf" -> x.erf();
            case "log1p" -> x.log1p();
            case "expm1" -> x.expm1();
            case "sin" -> x.sin();
            case "cos" -> x.cos();
            case "gelu" -> x.gelu();
            case "geluTanh" -> x.gelu(GeluApproximation.TANH);
            case "silu" -> x.silu();
            case "logSigmoid" -> x.logSigmoid();
            case "square" -> x.square();
            case "sign" -> x.sign();
            case "leakyRelu" -> x.leakyRelu(i.real("slope"));
            case "pow" -> x.pow(i.real("p"));
            case "clamp" -> x.clamp(i.real("lo"), i.real("hi"));
            case "addc" -> x.add(i.real("c"));
            case "subc" -> x.sub(i.real("c"));
            case "mulc" -> x.mul(i.real("c"));
            case "divc" -> x.div(i.real("c"));
            case "add" -> x.add(y);
            case "sub" -> x.sub(y);
            case "mul" -> x.mul(y);
            case "div" -> x.div(y);
            case "maximum" -> x.maximum(y);
            case "minimum" -> x.minimum(y);
            case "powT" -> x.pow(y);
            case "where" -> Tensor.where(x.gt(0.0), y, xs.get(2));
            case "maskedFill" -> x.maskedFill(i.tensor("mask"), i.real("value"));
            case "matmul" -> x.matmul(y);
            case "dot" -> x.dot(y);
            case "outer" -> x.outer(y);
            case "addmm" -> Tensor.addmm(x, y, xs.get(2));
            default -> reduceOrReshape(i, x, y);
        };
    }

    private static Tensor reduceOrReshape(FuzzProgram.Inst i, Tensor x, Tensor y) {
        return switch (i.op()) {
            case "sumAll" -> x.sum();
            case "sum" -> x.sum(i.ints("axes"), i.flag("keep"));
            case "meanAll" -> x.mean();
            case "mean" -> x.mean(i.ints("axes"), i.flag("keep"));
            case "var" -> x.var(i.ints("axes"), i.real("correction"), i.flag("keep"));
            case "std" -> x.std(i.ints("axes"), i.real("correction"), i.flag("keep"));
            case "varAll" -> x.var();
            case "stdAll" -> x.std();
            case "norm" -> x.norm(i.real("p"), i.ints("axes"), i.flag("keep"));
            case "normAll" -> x.norm(i.real("p"));
            case "prod" -> x.prod(i.ints("axes"), i.flag("keep"));
            case "prodAll" -> x.prod();
            case "amax" -> x.amax(i.ints("axes"), i.flag("keep"));
            case "amin" -> x.amin(i.ints("axes"), i.flag("keep"));
            case "amaxAll" -> x.amax();
            case "aminAll" -> x.amin();
            case "max" -> x.max(i.integer("axis"), i.flag("keep"));
            case "min" -> x.min(i.integer("axis"), i.flag("keep"));
            case "maxAll" -> x.max();
            case "minAll" -> x.min();
            case "logSumExp" -> x.logSumExp(i.ints("axes"), i.flag("keep"));
            case "logSumExpAll" -> x.logSumExp();
            case "softmax" -> x.softmax(i.integer("axis"));
            case "logSoftmax" -> x.logSoftmax(i.integer("axis"));
            case "cumsum" -> x.cumsum(i.integer("axis"));
            case "reshape" -> x.reshape(i.longs("shape"));
            case "transpose" -> x.transpose(i.integer("a"), i.integer("b"));
            case "permute" -> x.permute(i.ints("axes"));
            case "broadcastTo" -> x.broadcastTo(i.longs("shape"));
            case "unsqueeze" -> x.unsqueeze(i.integer("axis"));
            case "squeeze" -> x.squeeze(i.integer("axis"));
            case "squeezeAll" -> x.squeeze();
            case "flatten" -> x.flatten(i.integer("start"), i.integer("end"));
            case "flattenAll" -> x.flatten();
            case "slice" -> x.slice(i.integer("axis"), i.integer("from"), i.integer("to"));
            case "concat" -> Tensor.concat(List.of(x, y), i.integer("axis"));
            case "stack" -> Tensor.stack(List.of(x, y), i.integer("axis"));
            case "flip" -> x.flip(i.ints("axes"));
            case "repeat" -> x.repeat(i.longs("reps"));
            case "tile" -> x.tile(i.longs("reps"));
            case "indexSelect" -> x.indexSelect(i.integer("axis"), i.longs("indices"));
            case "index" -> x.index(i.longs("rows"));
            case "gather" -> x.gather(i.integer("axis"), i.tensor("index"));
            case "scatterAdd" -> x.scatterAdd(i.integer("axis"), i.tensor("index"), y);
            case "chunk" -> x.chunk(i.integer("chunks"), i.integer("axis")).get(i.integer("piece"));
            case "split" -> x.split(i.integer("size"), i.integer("axis")).get(i.integer("piece"));
            case "scatter" -> x.scatter(i.integer("axis"), i.tensor("index"), y);
            case "scatterValue" -> x.scatter(i.integer("axis"), i.tensor("index"), i.real("value"));
            case "splitSizes" -> x.split(i.longs("sizes"), i.integer("axis")).get(i.integer("piece"));
            case "einsum" -> Tensor.einsum(i.param("equation"), x, y);
            case "detach" -> x.detach();
            case "transposeLast" -> x.transpose();
            case "sumAxis" -> x.sum(i.integer("axis"), i.flag("keep"));
            case "meanAxis" -> x.mean(i.integer("axis"), i.flag("keep"));
            case "logSumExpAxis" -> x.logSumExp(i.integer("axis"), i.flag("keep"));
            case "cast" -> x.to(i.param("dtype").equals("float64") ? DType.FLOAT64 : DType.FLOAT32);
            default -> throw new IllegalArgumentException("fuzz program: unknown op '" + i.op() + "'");
        };
    }
}
