rule "aws-codebuild-artifact-encryption" {
  title     = "CodeBuild project turns off encryption of its build artifacts"
  severity  = "high"
  area      = "data-protection"
  resources = ["aws_codebuild_project"]
  aliases   = ["CKV_AWS_78", "AVD-AWS-0018", "aws-codebuild-enable-encryption"]

  description = <<-EOT
    Build artifacts are the packages, container layers and bundles that get deployed; they often
    embed configuration and sometimes credentials. `encryption_disabled = true` in `artifacts` or
    in any `secondary_artifacts` block makes CodeBuild write them to S3 unencrypted, where a
    bucket mistake exposes them and a tampered artifact is harder to rule out. The argument
    defaults to `false` (artifacts are encrypted with the project's `encryption_key` or the
    AWS-managed S3 key). Protecting build output is the customer's side of the shared
    responsibility model. Severity is high: potentially sensitive data stored unencrypted.
  EOT
  remediation = <<-EOT
    Leave artifact encryption on (remove `encryption_disabled` or set it to `false`), ideally with
    a customer-managed key for the project:

    ```hcl
    resource "aws_codebuild_project" "app" {
      # ...
      encryption_key = aws_kms_key.build.arn

      artifacts {
        type                = "S3"
        location            = aws_s3_bucket.artifacts.bucket
        encryption_disabled = false
      }
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/codebuild_project#encryption_disabled",
    "https://docs.aws.amazon.com/codebuild/latest/userguide/security-encryption.html",
  ]

  assert {
    attribute "artifacts.encryption_disabled" {
      equals  = false
      default = false
    }
    attribute "secondary_artifacts.encryption_disabled" {
      equals  = false
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_codebuild_project" "app" {
        name         = "app"
        service_role = "arn:aws:iam::111122223333:role/codebuild"

        artifacts {
          type                = "S3"
          location            = "example-artifacts"
          encryption_disabled = true  # expect: aws-codebuild-artifact-encryption
        }

        environment {
          compute_type = "BUILD_GENERAL1_SMALL"
          image        = "aws/codebuild/standard:7.0"
          type         = "LINUX_CONTAINER"
        }

        source {
          type     = "GITHUB"
          location = "https://github.com/example/app.git"
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_codebuild_project" "app" {
        name         = "app"
        service_role = "arn:aws:iam::111122223333:role/codebuild"

        artifacts {
          type = "NO_ARTIFACTS"
        }

        secondary_artifacts {
          artifact_identifier = "reports"
          type                = "S3"
          location            = "example-reports"
          encryption_disabled = true  # expect: aws-codebuild-artifact-encryption
        }

        environment {
          compute_type = "BUILD_GENERAL1_SMALL"
          image        = "aws/codebuild/standard:7.0"
          type         = "LINUX_CONTAINER"
        }

        source {
          type     = "GITHUB"
          location = "https://github.com/example/app.git"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_codebuild_project" "app" {
        name           = "app"
        service_role   = "arn:aws:iam::111122223333:role/codebuild"
        encryption_key = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

        artifacts {
          type     = "S3"
          location = "example-artifacts"
        }

        secondary_artifacts {
          artifact_identifier = "reports"
          type                = "S3"
          location            = "example-reports"
          encryption_disabled = false
        }

        environment {
          compute_type = "BUILD_GENERAL1_SMALL"
          image        = "aws/codebuild/standard:7.0"
          type         = "LINUX_CONTAINER"
        }

        source {
          type     = "GITHUB"
          location = "https://github.com/example/app.git"
        }
      }
    EOT
  }
}
