rule "aws-iam-role-trust-public" {
  title     = "IAM role trust policy lets any AWS principal assume the role"
  severity  = "critical"
  area      = "identity-access"
  resources = ["aws_iam_role"]
  aliases   = ["CKV_AWS_60"]

  description = <<-EOT
    The trust policy (`assume_role_policy`) decides who may call `sts:AssumeRole` and obtain the
    role's credentials. A statement with `Principal: "*"` or `{"AWS": "*"}` and no condition
    narrowing it trusts every IAM user and role in every AWS account, so anyone with any AWS
    account who learns the role ARN can take on its permissions. Deciding whom a role trusts is
    the customer's part of the shared responsibility model; AWS evaluates the policy exactly as
    written.
  EOT
  remediation = "Name the trusted principals explicitly (an account ARN, a role ARN, or a service principal such as `ec2.amazonaws.com`), or keep the wildcard only together with a condition such as `aws:PrincipalOrgID` or `sts:ExternalId` that limits who can assume the role."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_role",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html",
  ]

  assert {
    builtin "iam-no-public-principal" {
      attribute = "assume_role_policy"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_iam_role" "shared" {
        name = "shared"
        assume_role_policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Action    = "sts:AssumeRole"
            Principal = { AWS = "*" }  # expect: aws-iam-role-trust-public
          }]
        })
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_iam_role" "shared" {
        name = "shared"

        assume_role_policy = <<POLICY
      {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "sts:AssumeRole"
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
      resource "aws_iam_role" "app" {
        name = "app"
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

  example "good" {
    code = <<-EOT
      resource "aws_iam_role" "audit" {
        name = "audit"
        assume_role_policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Action    = "sts:AssumeRole"
            Principal = { AWS = "arn:aws:iam::123456789012:root" }
          }]
        })
      }
    EOT
  }
}
