rule "aws-kms-key-policy-public" {
  title     = "KMS key policy allows any principal to use or manage the key"
  severity  = "critical"
  area      = "identity-access"
  resources = ["aws_kms_key", "aws_kms_key_policy"]
  aliases   = ["CKV_AWS_33"]

  description = <<-EOT
    The key policy is the primary access control of a KMS key: IAM policies only take effect if
    the key policy allows it. A statement that allows `Principal: "*"` (or `{"AWS": "*"}`)
    without a narrowing condition lets principals of any AWS account decrypt data protected by the
    key or, with administrative actions, change its policy and schedule it for deletion. Key
    access is wholly the customer's configuration under the shared responsibility model. This
    rule checks the `policy` of `aws_kms_key` and of `aws_kms_key_policy`; statements limited
    by a condition such as `kms:CallerAccount` or `kms:ViaService` are not reported.
  EOT
  remediation = "Grant the key to the account root (`arn:aws:iam::ACCOUNT:root`, delegating to IAM) and to named roles, or restrict a wildcard principal with `kms:CallerAccount` and `kms:ViaService` conditions."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kms_key",
    "https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html",
  ]

  assert {
    builtin "iam-no-public-principal" {
      attribute = "policy"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_kms_key" "data" {
        description         = "Application data"
        enable_key_rotation = true
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Sid       = "Everyone"
            Effect    = "Allow"
            Principal = { AWS = "*" }  # expect: aws-kms-key-policy-public
            Action    = "kms:*"
            Resource  = "*"
          }]
        })
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_kms_key" "data" {
        description         = "Application data"
        enable_key_rotation = true
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Sid       = "AccountRoot"
            Effect    = "Allow"
            Principal = { AWS = "arn:aws:iam::123456789012:root" }
            Action    = "kms:*"
            Resource  = "*"
          }]
        })
      }
    EOT
  }
}
