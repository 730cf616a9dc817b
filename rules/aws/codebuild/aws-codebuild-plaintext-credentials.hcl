rule "aws-codebuild-plaintext-credentials" {
  title     = "CodeBuild project has a credential in a plain-text environment variable"
  severity  = "high"
  area      = "identity-access"
  secret_values = true
  resources = ["aws_codebuild_project"]

  description = <<-EOT
    Environment variables of type `PLAINTEXT` (the default) are stored in the project definition:
    anyone with `codebuild:BatchGetProjects` reads them, as do the console, the Terraform state
    and the repository. An AWS access key, a password or a token there is a long-lived credential
    handed to all of them. CodeBuild can inject the value at build time from Parameter Store
    (`type = "PARAMETER_STORE"`) or Secrets Manager (`type = "SECRETS_MANAGER"`) instead, where
    `value` is only the name of the secret. The rule reports a `PLAINTEXT` variable whose name
    ends in PASSWORD, PASSWD, SECRET, TOKEN, API_KEY, PRIVATE_KEY, SECRET_KEY, ACCESS_KEY or
    CREDENTIAL(S), or is `AWS_ACCESS_KEY_ID`, with a literal value that is not an ARN, a
    parameter path starting with `/` or a number; and any variable whose value is shaped like an
    AWS access key ID. Keeping credentials out of build definitions is the customer's side of the
    shared responsibility model. High: a readable credential.
  EOT
  remediation = <<-EOT
    Store the value in Secrets Manager or Parameter Store and reference it:

        resource "aws_codebuild_project" "app" {
          # ...
          environment {
            compute_type = "BUILD_GENERAL1_SMALL"
            image        = "aws/codebuild/standard:7.0"
            type         = "LINUX_CONTAINER"

            environment_variable {
              name  = "NPM_TOKEN"
              type  = "SECRETS_MANAGER"
              value = "ci/npm:token"
            }
          }
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/codebuild_project#environment_variable",
    "https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.secrets-manager",
  ]

  assert {
    none "environment.environment_variable" {
      any {
        all {
          attribute "type" {
            equals  = "PLAINTEXT"
            default = "PLAINTEXT"
          }
          attribute "name" {
            matches = "(?i)(password|passwd|secret|token|api_?key|private_?key|secret_?key|access_?key|credentials?)$|^AWS_ACCESS_KEY_ID$"
          }
          attribute "value" {
            matches     = "."
            not_matches = "^(arn:|/|[0-9.]+$)"
          }
        }
        attribute "value" {
          matches = "\\b(AKIA|ASIA)[A-Z0-9]{16}\\b"
        }
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_codebuild_project" "deploy" {
        name         = "deploy"
        service_role = "arn:aws:iam::123456789012:role/codebuild-deploy"
        artifacts {
          type = "NO_ARTIFACTS"
        }
        environment {
          compute_type = "BUILD_GENERAL1_SMALL"
          image        = "aws/codebuild/standard:7.0"
          type         = "LINUX_CONTAINER"
          environment_variable {
            name  = "AWS_ACCESS_KEY_ID"
            value = "AKIAZ7QEXAMPLE4KEY12"  # expect: aws-codebuild-plaintext-credentials
          }
          environment_variable {
            name  = "AWS_SECRET_ACCESS_KEY"
            value = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
          }
        }
        source {
          type     = "CODECOMMIT"
          location = "https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/deploy"
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      variable "npm_token" {
        type    = string
        default = "npm_0123456789abcdefghijABCDEFGHIJ012345"
      }
      resource "aws_codebuild_project" "web" {
        name         = "web"
        service_role = "arn:aws:iam::123456789012:role/codebuild-web"
        artifacts {
          type = "NO_ARTIFACTS"
        }
        environment {
          compute_type = "BUILD_GENERAL1_SMALL"
          image        = "aws/codebuild/standard:7.0"
          type         = "LINUX_CONTAINER"
          environment_variable {
            name  = "NPM_TOKEN"
            type  = "PLAINTEXT"
            value = var.npm_token  # expect: aws-codebuild-plaintext-credentials
          }
        }
        source {
          type     = "CODECOMMIT"
          location = "https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/web"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_codebuild_project" "web" {
        name         = "web"
        service_role = "arn:aws:iam::123456789012:role/codebuild-web"
        artifacts {
          type = "NO_ARTIFACTS"
        }
        environment {
          compute_type = "BUILD_GENERAL1_SMALL"
          image        = "aws/codebuild/standard:7.0"
          type         = "LINUX_CONTAINER"
          environment_variable {
            name  = "NPM_TOKEN"
            type  = "SECRETS_MANAGER"
            value = "ci/npm:token"
          }
          environment_variable {
            name  = "DB_PASSWORD"
            type  = "PARAMETER_STORE"
            value = "/ci/db/password"
          }
          environment_variable {
            name  = "TOKEN_TTL_SECONDS"
            value = "900"
          }
          environment_variable {
            name  = "STAGE"
            value = "production"
          }
        }
        source {
          type     = "CODECOMMIT"
          location = "https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/web"
        }
      }
    EOT
  }
}
