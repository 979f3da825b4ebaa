/** User programs (domain {@code USER}). */
module mpkernel.userzone {
    requires mpkernel.kernel;
}
