rule "aws-iam-user-console-password" {
  title     = "IAM user is given a console password instead of federated access"
  severity  = "low"
  area      = "identity-access"
  resources = ["aws_iam_user_login_profile"]

  description = <<-EOT
    An `aws_iam_user_login_profile` gives an IAM user a long-lived console password. AWS
    recommends that people sign in through IAM Identity Center or another identity provider
    instead, where passwords, MFA, joiners and leavers are managed once for all accounts. An IAM
    user's password is managed per account, and whether the user has enrolled an MFA device (or
    whether its policies require one) is not visible in the configuration: MFA devices are
    enrolled by the user after Terraform runs. The generated password also lands in the state
    file unless `pgp_key` encrypts it. Low: hygiene that removes a class of phishable,
    forgotten credentials. Identity management is the customer's side of the shared
    responsibility model. Where an IAM user with a password is unavoidable (an emergency
    account), require MFA in its policies and suppress this finding with the reason.
  EOT
  remediation = <<-EOT
    Give people access through IAM Identity Center permission sets, and remove the login profile:

        resource "aws_ssoadmin_account_assignment" "alice_readonly" {
          instance_arn       = local.sso_instance_arn
          permission_set_arn = aws_ssoadmin_permission_set.readonly.arn
          principal_type     = "USER"
          principal_id       = local.alice_identity_store_id
          target_type        = "AWS_ACCOUNT"
          target_id          = "111111111111"
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_user_login_profile",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-users-federation-idp",
  ]

  assert {
    # Every login profile is a console password; `user` is required.
    attribute "user" {
      present = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_iam_user" "alice" {
        name = "alice"
      }

      resource "aws_iam_user_login_profile" "alice" {
        user    = aws_iam_user.alice.name  # expect: aws-iam-user-console-password
        pgp_key = "keybase:alice"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_iam_user" "deploy" {
        name = "deploy"
      }
    EOT
  }
}
