rule "aws-secretsmanager-secret-customer-key" {
  title     = "Secrets Manager secret is not encrypted with a customer-managed KMS key"
  severity  = "low"
  area      = "data-protection"
  resources = ["aws_secretsmanager_secret"]
  aliases   = ["CKV_AWS_149", "AVD-AWS-0098", "aws-ssm-secret-use-customer-key"]

  description = <<-EOT
    Without `kms_key_id` a secret is encrypted with the AWS-managed `aws/secretsmanager` key, whose
    policy lets any principal of the account with Secrets Manager permissions decrypt it and which
    cannot be used across accounts. A customer-managed key adds a second, auditable gate (the key
    policy) on who can read the secret, and can be disabled in an incident. Key management is the
    customer's choice under the shared responsibility model. Low: the secret is encrypted either
    way. Naming the AWS-managed key (`alias/aws/secretsmanager`) explicitly is flagged too.
  EOT
  remediation = "Set `kms_key_id` to the ARN of an `aws_kms_key` whose policy allows decryption only to the roles that read the secret."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/secretsmanager_secret#kms_key_id",
    "https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html",
  ]

  assert {
    attribute "kms_key_id" {
      present     = true
      not_matches = "^alias/aws/"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_secretsmanager_secret" "db" {  # expect: aws-secretsmanager-secret-customer-key
        name = "prod/db"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_secretsmanager_secret" "db" {
        name       = "prod/db"
        kms_key_id = "alias/aws/secretsmanager"  # expect: aws-secretsmanager-secret-customer-key
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_kms_key" "secrets" {
        description         = "Application secrets"
        enable_key_rotation = true
      }

      resource "aws_secretsmanager_secret" "db" {
        name       = "prod/db"
        kms_key_id = aws_kms_key.secrets.arn
      }
    EOT
  }
}
