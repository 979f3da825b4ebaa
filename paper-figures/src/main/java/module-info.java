/** The paper's figures, regenerated from {@code results/} alone. */
module mpkernel.figures {
    requires org.knowm.xchart;
}
