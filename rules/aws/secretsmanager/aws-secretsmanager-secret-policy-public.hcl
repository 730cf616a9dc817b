rule "aws-secretsmanager-secret-policy-public" {
  title     = "Secrets Manager secret policy allows any principal"
  severity  = "critical"
  area      = "identity-access"
  resources = ["aws_secretsmanager_secret_policy", "aws_secretsmanager_secret"]

  description = <<-EOT
    A secret's resource policy decides who, beyond the account's own IAM policies, may read it. A
    statement allowing `Principal: "*"` (or `{"AWS": "*"}`) without a condition narrowing the
    callers lets principals of any AWS account call `secretsmanager:GetSecretValue` on it (if the
    key allows), which hands out the database password, API key or token the secret holds.
    Critical: direct public exposure of credentials. Who may read a secret is wholly the
    customer's configuration under the shared responsibility model. This rule checks the `policy`
    of `aws_secretsmanager_secret_policy` and the older inline `policy` of
    `aws_secretsmanager_secret`; statements limited by a condition such as `aws:PrincipalOrgID`
    or `aws:SourceAccount` are not reported. Setting `block_public_policy = true` on the policy
    resource makes Secrets Manager refuse such policies.
  EOT
  remediation = <<-EOT
    Name the roles that need the secret, and let Secrets Manager reject public policies:

        resource "aws_secretsmanager_secret_policy" "db" {
          secret_arn          = aws_secretsmanager_secret.db.arn
          block_public_policy = true
          policy = jsonencode({
            Version = "2012-10-17"
            Statement = [{
              Effect    = "Allow"
              Principal = { AWS = aws_iam_role.app.arn }
              Action    = "secretsmanager:GetSecretValue"
              Resource  = "*"
            }]
          })
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/secretsmanager_secret_policy",
    "https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_resource-policies.html",
  ]

  assert {
    builtin "iam-no-public-principal" {
      attribute = "policy"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_secretsmanager_secret" "db" {
        name = "prod/db/password"
      }

      resource "aws_secretsmanager_secret_policy" "db" {
        secret_arn = aws_secretsmanager_secret.db.arn
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Principal = "*"  # expect: aws-secretsmanager-secret-policy-public
            Action    = "secretsmanager:GetSecretValue"
            Resource  = "*"
          }]
        })
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_secretsmanager_secret" "db" {
        name   = "prod/db/password"
        policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"AWS": "*"},
      "Action": "secretsmanager:GetSecretValue",
      "Resource": "*"
    }
  ]
}
POLICY
      }
    EOT
    lines = [3]
  }

  example "good" {
    code = <<-EOT
      resource "aws_secretsmanager_secret" "db" {
        name = "prod/db/password"
      }

      resource "aws_secretsmanager_secret_policy" "db" {
        secret_arn          = aws_secretsmanager_secret.db.arn
        block_public_policy = true
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Principal = { AWS = "arn:aws:iam::111111111111:role/app" }
            Action    = "secretsmanager:GetSecretValue"
            Resource  = "*"
          }]
        })
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_secretsmanager_secret_policy" "db" {
        secret_arn = "arn:aws:secretsmanager:eu-west-1:111111111111:secret:prod/db/password"
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Principal = "*"
            Action    = "secretsmanager:GetSecretValue"
            Resource  = "*"
            Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abc123def4" } }
          }]
        })
      }
    EOT
  }
}
