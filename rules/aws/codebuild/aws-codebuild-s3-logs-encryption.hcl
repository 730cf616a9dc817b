rule "aws-codebuild-s3-logs-encryption" {
  title     = "CodeBuild project writes its S3 build logs unencrypted"
  severity  = "medium"
  area      = "data-protection"
  resources = ["aws_codebuild_project"]

  description = <<-EOT
    Build logs record the commands a build ran and their output, which routinely includes
    dependency URLs with tokens, environment dumps and test data. With
    `logs_config.s3_logs.encryption_disabled = true` CodeBuild writes those logs to the bucket
    without encrypting them with the project's KMS key. The argument defaults to `false`, so only
    an explicit `true` is reported. Protecting build output is the customer's side of the shared
    responsibility model. Medium: build logs that may carry credentials stored without the
    encryption the project was configured with.
  EOT
  remediation = <<-EOT
    Leave S3 log encryption on:

        resource "aws_codebuild_project" "app" {
          # ...
          logs_config {
            s3_logs {
              status   = "ENABLED"
              location = "$${aws_s3_bucket.build_logs.id}/app"
            }
          }
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/codebuild_project#encryption_disabled",
    "https://docs.aws.amazon.com/codebuild/latest/userguide/security-encryption.html",
  ]

  assert {
    attribute "logs_config.s3_logs.encryption_disabled" {
      equals  = false
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_codebuild_project" "app" {
        name         = "app"
        service_role = "arn:aws:iam::123456789012:role/codebuild-app"
        artifacts {
          type = "NO_ARTIFACTS"
        }
        environment {
          compute_type = "BUILD_GENERAL1_SMALL"
          image        = "aws/codebuild/standard:7.0"
          type         = "LINUX_CONTAINER"
        }
        logs_config {
          s3_logs {
            status              = "ENABLED"
            location            = "build-logs/app"
            encryption_disabled = true  # expect: aws-codebuild-s3-logs-encryption
          }
        }
        source {
          type     = "CODECOMMIT"
          location = "https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/app"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_codebuild_project" "app" {
        name         = "app"
        service_role = "arn:aws:iam::123456789012:role/codebuild-app"
        artifacts {
          type = "NO_ARTIFACTS"
        }
        environment {
          compute_type = "BUILD_GENERAL1_SMALL"
          image        = "aws/codebuild/standard:7.0"
          type         = "LINUX_CONTAINER"
        }
        logs_config {
          s3_logs {
            status   = "ENABLED"
            location = "build-logs/app"
          }
        }
        source {
          type     = "CODECOMMIT"
          location = "https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/app"
        }
      }
    EOT
  }
}
