rule "aws-iam-console-user-without-mfa-policy" {
  title     = "IAM user with a console password has no policy that requires MFA"
  severity  = "medium"
  area      = "identity-access"
  resources = ["aws_iam_user_login_profile"]

  description = <<-EOT
    An IAM user with a login profile signs in to the console with a password. AWS lets a user
    register an MFA device but never makes one mandatory: only a policy that denies requests made
    without MFA (`aws:MultiFactorAuthPresent`), or allows only requests made with it, turns the
    second factor into a requirement. Without one, a phished or reused password is the whole
    sign-in. Enforcing MFA for the users it creates is the customer's part of the shared
    responsibility model. The rule follows the login profile to its user, and from the user to its
    inline policies, its attached `aws_iam_policy` resources and the policies of its groups
    (through `aws_iam_user_group_membership`); a policy managed outside the configuration (an
    AWS managed policy ARN) cannot be read, so the check stays undecided when one is attached and
    no policy read requires MFA.
  EOT
  remediation = "Attach to the user, or to a group it belongs to, a policy that denies every action except those needed to set up MFA when `aws:MultiFactorAuthPresent` is false (`BoolIfExists`), as in the AWS example policy \"allows MFA-authenticated IAM users to manage their own credentials\"."
  references = [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_iam_mfa-selfmanage.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_user_login_profile",
  ]

  assert {
    target "user" {
      type  = "aws_iam_user"
      match = "name"
      any {
        linked "aws_iam_user_policy" {
          via   = "user"
          match = "name"
          builtin "iam-requires-mfa" {
            attribute = "policy"
          }
        }
        linked "aws_iam_user_policy_attachment" {
          via   = "user"
          match = "name"
          target "policy_arn" {
            type = "aws_iam_policy"
            builtin "iam-requires-mfa" {
              attribute = "policy"
            }
          }
        }
        linked "aws_iam_user_group_membership" {
          via   = "user"
          match = "name"
          target "groups" {
            type       = "aws_iam_group"
            match      = "name"
            quantifier = "some"
            any {
              linked "aws_iam_group_policy" {
                via   = "group"
                match = "name"
                builtin "iam-requires-mfa" {
                  attribute = "policy"
                }
              }
              linked "aws_iam_group_policy_attachment" {
                via   = "group"
                match = "name"
                target "policy_arn" {
                  type = "aws_iam_policy"
                  builtin "iam-requires-mfa" {
                    attribute = "policy"
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_iam_user" "alice" {
        name = "alice"
      }

      resource "aws_iam_user_login_profile" "alice" {
        user = aws_iam_user.alice.name  # expect: aws-iam-console-user-without-mfa-policy aws_iam_user_login_profile.alice
      }

      resource "aws_iam_user_policy" "read" {
        user = aws_iam_user.alice.name
        policy = jsonencode({
          Version   = "2012-10-17"
          Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }]
        })
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_iam_user" "alice" {
        name = "alice"
      }

      resource "aws_iam_user_login_profile" "alice" {
        user = aws_iam_user.alice.name
      }

      resource "aws_iam_group" "humans" {
        name = "humans"
      }

      resource "aws_iam_user_group_membership" "alice" {
        user   = aws_iam_user.alice.name
        groups = [aws_iam_group.humans.name]
      }

      resource "aws_iam_policy" "require_mfa" {
        name = "require-mfa"
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Sid       = "DenyWithoutMFA"
            Effect    = "Deny"
            NotAction = ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ListMFADevices", "sts:GetSessionToken"]
            Resource  = "*"
            Condition = { BoolIfExists = { "aws:MultiFactorAuthPresent" = "false" } }
          }]
        })
      }

      resource "aws_iam_group_policy_attachment" "humans" {
        group      = aws_iam_group.humans.name
        policy_arn = aws_iam_policy.require_mfa.arn
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_iam_user" "bob" {
        name = "bob"
      }

      resource "aws_iam_user_login_profile" "bob" {
        user = aws_iam_user.bob.name
      }

      resource "aws_iam_user_policy" "admin_with_mfa" {
        user = aws_iam_user.bob.name
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Action    = "*"
            Resource  = "*"
            Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
          }]
        })
      }
    EOT
  }
}
