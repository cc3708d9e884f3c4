package dev.ballast.app.task.fault;

/** A new broker joins the cluster (scale-up); in effect once it is registered. */
public final class AddBroker implements Fault {

  private BackgroundAction action;

  @Override
  public String description() {
    return "a new broker joins";
  }

  @Override
  public void inject(FaultContext context) {
    action =
        BackgroundAction.start(
            () -> {
              int id = context.cluster().addBroker();
              context.log("broker " + id + " registered");
              context.brokerAdded(id);
            });
  }

  @Override
  public boolean advance(FaultContext context) {
    return BackgroundAction.done(action);
  }

  @Override
  public void close() {
    BackgroundAction.await(action);
  }
}
