rule "aws-secretsmanager-secret-rotation" {
  title     = "Secrets Manager secret has no automatic rotation"
  severity  = "medium"
  area      = "identity-access"
  resources = ["aws_secretsmanager_secret"]
  aliases   = ["CKV2_AWS_57"]

  description = <<-EOT
    A secret that is never rotated stays valid for as long as the credential behind it exists:
    a copy in a laptop's shell history, a CI log or a former employee's notes keeps working.
    Automatic rotation (an `aws_secretsmanager_secret_rotation` with a rotation Lambda or a
    managed rotation) replaces the credential on a schedule and bounds how long a leaked copy
    is useful. Medium: defence in depth for credentials that may already have leaked. Credential
    lifecycle is the customer's side of the shared responsibility model. Provider versions before
    5.0 could also configure rotation inline with `rotation_lambda_arn`; that form is accepted.
    Secrets that cannot be rotated (a third party's API key) should have this finding
    suppressed with the reason.
  EOT
  remediation = <<-EOT
    Add a rotation for the secret:

        resource "aws_secretsmanager_secret_rotation" "db" {
          secret_id           = aws_secretsmanager_secret.db.id
          rotation_lambda_arn = aws_lambda_function.rotate_db.arn

          rotation_rules {
            automatically_after_days = 30
          }
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/secretsmanager_secret_rotation",
    "https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html",
  ]

  assert {
    any {
      attribute "rotation_lambda_arn" {
        present = true
      }
      linked "aws_secretsmanager_secret_rotation" {
        via   = "secret_id"
        match = "name"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_secretsmanager_secret" "db" {  # expect: aws-secretsmanager-secret-rotation
        name = "prod/db/password"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_secretsmanager_secret" "db" {
        name = "prod/db/password"
      }

      resource "aws_secretsmanager_secret" "api" {  # expect: aws-secretsmanager-secret-rotation aws_secretsmanager_secret.api
        name = "prod/api/key"
      }

      resource "aws_secretsmanager_secret_rotation" "db" {
        secret_id           = aws_secretsmanager_secret.db.id
        rotation_lambda_arn = "arn:aws:lambda:eu-west-1:111111111111:function:rotate-db"

        rotation_rules {
          automatically_after_days = 30
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_secretsmanager_secret" "db" {
        name = "prod/db/password"
      }

      resource "aws_secretsmanager_secret_rotation" "db" {
        secret_id           = aws_secretsmanager_secret.db.id
        rotation_lambda_arn = "arn:aws:lambda:eu-west-1:111111111111:function:rotate-db"

        rotation_rules {
          automatically_after_days = 30
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_secretsmanager_secret" "db" {
        name = "prod/db/password"
      }

      resource "aws_secretsmanager_secret_rotation" "db" {
        secret_id = "prod/db/password"

        rotation_rules {
          schedule_expression = "rate(30 days)"
        }
      }
    EOT
  }
}
