rule "aws-secretsmanager-secret-recovery-window" {
  title     = "Secrets Manager secret is deleted immediately, without a recovery window"
  severity  = "low"
  area      = "data-protection"
  resources = ["aws_secretsmanager_secret"]

  description = <<-EOT
    When a secret is deleted, Secrets Manager normally keeps it for a recovery window (30 days by
    default, at least 7) during which the deletion can be undone. `recovery_window_in_days = 0`
    deletes it at once: a mistaken `terraform destroy`, a refactoring that renames the resource, or
    an intruder's clean-up removes a credential that applications still need, with no way back
    other than issuing a new one. Low: an availability and recovery safeguard. Protecting the
    secrets it stores is the customer's side of the shared responsibility model. Test
    environments recreated often may set `0` deliberately; suppress the finding there with the
    reason.
  EOT
  remediation = <<-EOT
    Keep a recovery window of at least 7 days (the default is 30):

        resource "aws_secretsmanager_secret" "db" {
          name                    = "prod/db/password"
          recovery_window_in_days = 30
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/secretsmanager_secret",
    "https://docs.aws.amazon.com/secretsmanager/latest/userguide/manage_delete-secret.html",
  ]

  assert {
    attribute "recovery_window_in_days" {
      gte     = 7
      default = 30
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_secretsmanager_secret" "db" {
        name                    = "prod/db/password"
        recovery_window_in_days = 0  # expect: aws-secretsmanager-secret-recovery-window
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_secretsmanager_secret" "db" {
        name = "prod/db/password"
      }
    EOT
  }
}
