package org.fuwu.assistant.internal;

/** Small float-vector arithmetic for the classifiers. */
public final class Vectors {

    private Vectors() {
    }

    public static float[] normalise(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        n = Math.sqrt(n);
        float[] out = v.clone();
        if (n > 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) (out[i] / n);
            }
        }
        return out;
    }

    public static double dot(float[] a, float[] b) {
        double s = 0;
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
