using GoldenPath.Fixtures;
using GoldenPath.Fixtures.Diagnostics;
using k8s;
using k8s.Models;

namespace GoldenPath.UnitTests.Shards;

/// <summary>
/// deploy/kubernetes/ read as the Kubernetes API's own types (KubernetesClient, strict: an unknown or misspelt field fails),
/// and the contract between its parts: N shards everywhere, the index as the shard, one shared volume, the merge of them all.
/// Not checked here: the API server's own validation (no cluster in CI; kubeconform is not served).
/// </summary>
[Unit]
public sealed class KubernetesManifestTests
{
    private static readonly string Folder = Path.Combine(RepositoryLayout.Root, "deploy", "kubernetes");

    [Fact]
    public void The_shards_are_an_Indexed_Job_whose_index_is_the_shard_of_N()
    {
        var job = Load<V1Job>("shards-job.yaml");
        var container = job.Spec.Template.Spec.Containers.Single();
        var shards = container.Env.Single(e => e.Name == "SHARDS").Value;

        job.Spec.CompletionMode.Should().Be("Indexed");
        job.Spec.Completions.ToString().Should().Be(shards, "completions, parallelism and SHARDS are the same N");
        job.Spec.Parallelism.ToString().Should().Be(shards);
        job.Spec.BackoffLimit.Should().Be(0, "a failed shard is not retried with new users");
        job.Spec.Template.Spec.RestartPolicy.Should().Be("Never");
        var command = string.Join(' ', container.Args);
        command.Should().Contain("--shard \"$((JOB_COMPLETION_INDEX + 1))/$SHARDS\"").And.Contain("--start-at \"$START_AT\"")
            .And.Contain("--results \"/results/shard-$((JOB_COMPLETION_INDEX + 1))\"");
        container.Env.Single(e => e.Name == "START_AT").ValueFrom.ConfigMapKeyRef.Name.Should().Be("goldenpath-shards");
    }

    [Fact]
    public void The_merge_reads_every_shard_from_the_volume_they_wrote_to()
    {
        var claim = Load<V1PersistentVolumeClaim>("results-volume.yaml");
        var shards = Load<V1Job>("shards-job.yaml");
        var merge = Load<V1Job>("merge-job.yaml");

        claim.Spec.AccessModes.Should().Contain("ReadWriteMany", "the shards run on many nodes at once");
        foreach (var job in new[] { shards, merge })
        {
            job.Spec.Template.Spec.Volumes.Single().PersistentVolumeClaim.ClaimName.Should().Be(claim.Metadata.Name);
            job.Spec.Template.Spec.Containers.Single().VolumeMounts.Single().MountPath.Should().Be("/results");
        }

        string.Join(' ', merge.Spec.Template.Spec.Containers.Single().Args).Should().Contain("./run-tests.sh merge").And.Contain("/results/shard-*/");
    }

    private static T Load<T>(string file)
    {
        List<object> objects;
        try
        {
            objects = KubernetesYaml.LoadAllFromString(File.ReadAllText(Path.Combine(Folder, file)), strict: true);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new GoldenPathException($"deploy/kubernetes/{file} line {e.Start.Line}: not a valid Kubernetes object: {e.Message}");
        }

        return objects.Should().ContainSingle().Which.Should().BeOfType<T>().Subject;
    }
}
