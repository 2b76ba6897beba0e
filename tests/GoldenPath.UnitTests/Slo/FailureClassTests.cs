using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Slo;

namespace GoldenPath.UnitTests.Slo;

[Unit]
public sealed class FailureClassTests
{
    [Fact]
    public void A_diagnosis_is_masked_and_bounded()
    {
        SecretMasker.Register("s3cret-password-for-failure-class");
        var failure = new GoldenPathException("golden path step 2 'log in and check the issued tokens' failed:\nPOST /auth/login with s3cret-password-for-failure-class answered 500" + new string('x', 2000));

        var diagnosis = FailureClass.Diagnosis(failure);

        diagnosis.Should().NotContain("s3cret-password-for-failure-class").And.Contain("***");
        diagnosis.Length.Should().BeLessThanOrEqualTo(601);
        FailureClass.Of(failure).Should().Be("step 2 'log in and check the issued tokens'");
    }
}
