rule "aws-iam-role-trust-without-mfa" {
  title     = "IAM role trust policy lets IAM users assume the role without MFA"
  severity  = "medium"
  area      = "identity-access"
  resources = ["aws_iam_role"]

  description = <<-EOT
    A trust policy whose principal is an AWS account (`arn:aws:iam::<account>:root`, or the bare
    account id) or an IAM user ARN lets people sign in as IAM users and take on the role's
    permissions. Without a condition on `aws:MultiFactorAuthPresent` (or a maximum
    `aws:MultiFactorAuthAge`) a stolen access key or password is enough to assume the role: the
    second factor the account may require at the console is never asked for. Roles that humans
    assume are usually the privileged ones (administration, break-glass, production access).
    Which callers a role trusts, and on what conditions, is the customer's part of the shared
    responsibility model. Roles trusted by services, by other roles or through federation
    (SAML, OIDC) are not checked.
  EOT
  remediation = "Add `\"Condition\": {\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}` to the statement that allows `sts:AssumeRole` (or `NumericLessThan` on `aws:MultiFactorAuthAge` to also bound how old the MFA sign-in may be)."
  references = [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_role",
  ]

  assert {
    builtin "iam-trust-requires-mfa" {
      attribute = "assume_role_policy"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_iam_role" "admin" {
        name = "admin"
        assume_role_policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Action    = "sts:AssumeRole"
            Principal = { AWS = "arn:aws:iam::111122223333:root" }  # expect: aws-iam-role-trust-without-mfa aws_iam_role.admin
          }]
        })
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_iam_role" "breakglass" {
        name = "breakglass"

        assume_role_policy = <<POLICY
      {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Effect": "Allow",
            "Principal": {"AWS": ["arn:aws:iam::111122223333:user/alice"]},
            "Action": "sts:AssumeRole",
            "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "true"}}
          }
        ]
      }
      POLICY
      }
    EOT
    lines = [4]
  }

  example "good" {
    code = <<-EOT
      resource "aws_iam_role" "admin" {
        name = "admin"
        assume_role_policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Action    = "sts:AssumeRole"
            Principal = { AWS = "arn:aws:iam::111122223333:root" }
            Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
          }]
        })
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_iam_role" "lambda" {
        name = "lambda"
        assume_role_policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Action    = "sts:AssumeRole"
            Principal = { Service = "lambda.amazonaws.com" }
          }]
        })
      }
    EOT
  }
}
