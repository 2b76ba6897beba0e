using GoldenPath.Fixtures;
using k8s;
using k8s.Models;

namespace GoldenPath.UnitTests.Monitoring;

/// <summary>
/// deploy/watch: the Kubernetes manifest reads as the API's own types (the client library's deserializer, which knows each
/// kind's schema), and each way of running the watch starts it with options the watch takes and serves its metrics.
/// </summary>
[Unit]
public sealed class WatchServiceTests
{
    private static string Folder => Path.Combine(RepositoryLayout.Root, "deploy", "watch");

    [Fact]
    public void The_Kubernetes_manifest_is_a_Deployment_serving_metrics_on_9464_with_a_location()
    {
        var objects = KubernetesYaml.LoadAllFromString(File.ReadAllText(Path.Combine(Folder, "kubernetes.yaml")));

        objects.Select(o => o.GetType().Name).Should().Equal(nameof(V1ConfigMap), nameof(V1Secret), nameof(V1Deployment), nameof(V1Service));
        var container = objects.OfType<V1Deployment>().Single().Spec.Template.Spec.Containers.Single();
        container.Args.Should().ContainInOrder("--metrics-listen", "0.0.0.0:9464").And.ContainInOrder("--location", "eu-west");
        container.Ports.Single().ContainerPort.Should().Be(9464);
        objects.OfType<V1Service>().Single().Spec.Ports.Single().Port.Should().Be(9464);
    }

    [Theory]
    [InlineData("Dockerfile", "--metrics-listen\", \"0.0.0.0:9464\"")]
    [InlineData("goldenpath-watch.service", "--metrics-listen 127.0.0.1:9464 --location %H")]
    public void Each_way_of_running_it_serves_metrics(string file, string options) =>
        File.ReadAllText(Path.Combine(Folder, file)).Should().Contain(options).And.Contain("GOLDENPATH_REPO_ROOT");
}
