/**
 * The smart assistant (智能客服): the intent catalogue, the intent classifier (an ensemble of embedding kNN,
 * logistic regression and a BM25 vote over bge-small embeddings computed in process), its evaluation
 * harness, and the {@code ask} API with calibrated handoff to a human. Its embeddings are offered to other
 * modules as {@link org.fuwu.platform.Embedder}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assistant", allowedDependencies = {"platform"})
package org.fuwu.assistant;
