rule "aws-glacier-vault-policy-public" {
  title     = "S3 Glacier vault access policy allows any principal"
  severity  = "critical"
  area      = "identity-access"
  resources = ["aws_glacier_vault"]

  description = <<-EOT
    A Glacier vault holds archives, often long-term backups and records kept for compliance. Its
    `access_policy` decides who, beyond the account's own IAM policies, may act on it. A statement
    allowing `Principal: "*"` (or `{"AWS": "*"}`) without a condition narrowing the callers lets
    principals of any AWS account start retrieval jobs and download the archives, or delete them.
    Critical: direct public exposure of archived data. Statements limited by a condition such as
    `aws:PrincipalOrgID` or `aws:SourceAccount` are not reported. Who may use the vault is the
    customer's configuration under the shared responsibility model.
  EOT
  remediation = <<-EOT
    Name the principals that need the vault:

        resource "aws_glacier_vault" "archive" {
          name = "archive"
          access_policy = jsonencode({
            Version = "2012-10-17"
            Statement = [{
              Effect    = "Allow"
              Principal = { AWS = aws_iam_role.restore.arn }
              Action    = ["glacier:InitiateJob", "glacier:GetJobOutput"]
              Resource  = "arn:aws:glacier:eu-west-1:123456789012:vaults/archive"
            }]
          })
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/glacier_vault#access_policy",
    "https://docs.aws.amazon.com/amazonglacier/latest/dev/vault-access-policy.html",
  ]

  assert {
    builtin "iam-no-public-principal" {
      attribute = "access_policy"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_glacier_vault" "archive" {
        name = "archive"
        access_policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Principal = "*"  # expect: aws-glacier-vault-policy-public
            Action    = ["glacier:InitiateJob", "glacier:GetJobOutput"]
            Resource  = "arn:aws:glacier:eu-west-1:123456789012:vaults/archive"
          }]
        })
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_glacier_vault" "archive" {
        name = "archive"
        access_policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Principal = { AWS = "arn:aws:iam::123456789012:role/restore" }
            Action    = ["glacier:InitiateJob", "glacier:GetJobOutput"]
            Resource  = "arn:aws:glacier:eu-west-1:123456789012:vaults/archive"
          }]
        })
      }
    EOT
  }
}
