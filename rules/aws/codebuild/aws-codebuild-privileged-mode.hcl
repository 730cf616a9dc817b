rule "aws-codebuild-privileged-mode" {
  title     = "CodeBuild project runs builds in privileged mode"
  severity  = "medium"
  area      = "application-workload"
  resources = ["aws_codebuild_project"]

  description = <<-EOT
    `environment.privileged_mode = true` runs the build container with root access to the
    build host's Docker daemon. Everything the build executes (the buildspec, every dependency
    it downloads, a pull request from a fork when webhooks build them) can then escape the
    container, tamper with other build steps' output and reach the project's service role
    credentials and cached secrets. The argument defaults to `false`; it is needed only to build
    Docker images with the Docker daemon. Build isolation is the customer's configuration under
    the shared responsibility model. Medium: it turns a compromised dependency into control of
    the build. Projects that build container images may have this finding suppressed with the
    reason, or build with a daemonless builder instead.
  EOT
  remediation = <<-EOT
    Turn privileged mode off (build images with a daemonless tool such as Kaniko or Buildah, or in
    a dedicated project that builds trusted code only):

        resource "aws_codebuild_project" "app" {
          # ...
          environment {
            compute_type    = "BUILD_GENERAL1_SMALL"
            image           = "aws/codebuild/standard:7.0"
            type            = "LINUX_CONTAINER"
            privileged_mode = false
          }
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/codebuild_project#privileged_mode",
    "https://docs.aws.amazon.com/codebuild/latest/userguide/change-project-console.html#change-project-console-environment",
  ]

  assert {
    attribute "environment.privileged_mode" {
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
          compute_type    = "BUILD_GENERAL1_SMALL"
          image           = "aws/codebuild/standard:7.0"
          type            = "LINUX_CONTAINER"
          privileged_mode = true  # expect: aws-codebuild-privileged-mode
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
        source {
          type     = "GITHUB"
          location = "https://github.com/example/app.git"
        }
      }
    EOT
  }
}
