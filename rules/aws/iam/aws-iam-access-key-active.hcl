rule "aws-iam-access-key-active" {
  title     = "IAM user has an active long-lived access key"
  severity  = "medium"
  area      = "identity-access"
  resources = ["aws_iam_access_key"]

  description = <<-EOT
    An IAM access key is a password for the API that never expires. Keys end up in CI variables,
    `.aws/credentials` files, container images and, far too often, public repositories, and
    whoever holds one acts as the user until someone notices and deactivates it. Roles (for
    workloads), IAM Identity Center (for people) and OIDC federation (for CI systems such as
    GitHub Actions) hand out temporary credentials instead. A key created by Terraform also lands
    in the state file (`secret`, unless `pgp_key` encrypts it). `status` defaults to `Active`.
    Medium: not an exposure by itself, but the most common way AWS credentials leak. Credential
    management is the customer's side of the shared responsibility model. Where a long-lived key
    is unavoidable (a third-party tool that cannot assume a role), suppress this finding with the
    reason and rotate the key.
  EOT
  remediation = <<-EOT
    Replace the key with a role the workload assumes (instance profile, IRSA, OIDC federation).
    To retire a key without deleting it first, deactivate it:

        resource "aws_iam_access_key" "deploy" {
          user   = aws_iam_user.deploy.name
          status = "Inactive"
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_access_key",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles",
  ]

  assert {
    attribute "status" {
      equals  = "Inactive"
      default = "Active"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_iam_user" "deploy" {
        name = "deploy"
      }

      resource "aws_iam_access_key" "deploy" {  # expect: aws-iam-access-key-active
        user = aws_iam_user.deploy.name
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      variable "ci_users" {
        type    = set(string)
        default = ["build", "release"]
      }

      resource "aws_iam_user" "ci" {
        for_each = var.ci_users
        name     = each.key
      }

      resource "aws_iam_access_key" "ci" {
        for_each = aws_iam_user.ci
        user     = each.value.name
        status   = "Active"  # expect: aws-iam-access-key-active
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_iam_user" "former" {
        name = "former-deploy"
      }

      resource "aws_iam_access_key" "former" {
        user   = aws_iam_user.former.name
        status = "Inactive"
      }
    EOT
  }
}
