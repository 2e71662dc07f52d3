package io.tinyforge.codegen;

import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Tensor;
import io.tinyforge.memory.ArenaPlan;

/**
 * The generator's {@link EmitContext}: activations are casts into the static arena of {@code model.c} at their
 * planned offset, constants are arrays of {@code model_data.c} (emitted once), scratch is the current
 * operator's planned scratch buffer.
 */
final class ModelEmitContext implements EmitContext {
    /** Name of the arena array inside model.c. */
    static final String ARENA = "tfg_arena";

    private final Graph graph;
    private final ArenaPlan plan;
    private final ConstantPool pool;
    private int op = -1;

    ModelEmitContext(Graph graph, ArenaPlan plan, ConstantPool pool) {
        this.graph = graph;
        this.plan = plan;
        this.pool = pool;
    }

    /** Sets the operator step whose call is being described (for {@link #scratch()} and messages). */
    void atOp(int step) {
        this.op = step;
    }

    @Override
    public String tensor(int tensorIndex) {
        if (tensorIndex < 0) {
            return "NULL";
        }
        Tensor t = graph.tensor(tensorIndex);
        if (t.isConstant()) {
            return pool.tensor(t);
        }
        long off = plan.tensorOffset(tensorIndex);
        if (off < 0) {
            throw new IllegalStateException("operator " + op + " asked for tensor " + t
                    + ", which no operator reads or writes, so it has no place in the arena");
        }
        return arenaPointer(t.dtype().cType(), off);
    }

    static String arenaPointer(String cType, long offset) {
        return "((" + cType + " *)(" + ARENA + " + " + offset + "))";
    }

    @Override
    public String constInt8(String hint, byte[] values) {
        return pool.int8(hint, values);
    }

    @Override
    public String constInt16(String hint, short[] values) {
        return pool.int16(hint, values);
    }

    @Override
    public String constInt32(String hint, int[] values) {
        return pool.int32(hint, values);
    }

    @Override
    public String constFloat(String hint, float[] values) {
        return pool.float32(hint, values);
    }

    @Override
    public Graph graph() {
        return graph;
    }

    @Override
    public String scratch() {
        long off = plan.scratchOffset(op);
        if (off < 0) {
            throw new IllegalStateException("operator " + op + " asked for scratch memory but its params report "
                    + "scratchBytes() == 0");
        }
        return "((void *)(" + ARENA + " + " + off + "))";
    }
}
