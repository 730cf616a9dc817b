rule "aws-iam-user-direct-policy" {
  title     = "IAM policy is attached directly to a user instead of a group or role"
  severity  = "low"
  area      = "identity-access"
  resources = [
    "aws_iam_user_policy",
    "aws_iam_user_policy_attachment",
    "aws_iam_policy_attachment",
    "aws_iam_user_policy_attachments_exclusive",
    "aws_iam_user_policies_exclusive",
  ]
  aliases   = ["CKV_AWS_40", "AVD-AWS-0143", "aws-iam-no-user-attached-policies"]
  compliance = {
    "cis-aws-1.4" = ["1.15"]
    "cis-aws-3.0" = ["1.15"]
  }

  description = <<-EOT
    Permissions attached to individual users accumulate: every user ends up with a slightly
    different set that nobody reviews, and access is not removed when people change teams.
    Granting permissions through groups (or, better, roles assumed through federation) keeps them
    in a few reviewed places. Access management is the customer's side of the shared
    responsibility model. This rule reports every `aws_iam_user_policy` and
    `aws_iam_user_policy_attachment` (both always target a user), every
    `aws_iam_policy_attachment` with a non-empty `users` list, and the exclusive-management
    resources (`aws_iam_user_policy_attachments_exclusive`, `aws_iam_user_policies_exclusive`,
    provider 5.7x and later) with a non-empty `policy_arns` or `policy_names` list (an empty list
    there removes every direct policy, which is the goal).
  EOT
  remediation = "Attach the policy to an `aws_iam_group` (with `aws_iam_group_policy_attachment`) and add the user to the group, or move the user to federated access with roles."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_user_policy_attachment",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html",
  ]

  assert {
    # `user` is required on aws_iam_user_policy and aws_iam_user_policy_attachment.
    attribute "user" {
      present = false
    }
    attribute "users" {
      length_lte = 0
      default    = []
    }
    # Only the exclusive-management resources have these lists.
    attribute "policy_arns" {
      length_lte = 0
      default    = []
    }
    attribute "policy_names" {
      length_lte = 0
      default    = []
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_iam_user_policy_attachment" "alice_readonly" {
        user       = "alice"  # expect: aws-iam-user-direct-policy
        policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_iam_policy_attachment" "readonly" {
        name       = "readonly"
        users      = ["alice"]  # expect: aws-iam-user-direct-policy
        groups     = ["auditors"]
        policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      # The user is a reference or a variable: the attachment targets a user whatever its name.
      variable "user" {
        type = string
      }

      resource "aws_iam_user" "jim" {
        name = "jim"
      }

      resource "aws_iam_user_policy_attachment" "jim_readonly" {
        user       = aws_iam_user.jim.name  # expect: aws-iam-user-direct-policy
        policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
      }

      resource "aws_iam_user_policy_attachment" "someone_readonly" {
        user       = var.user  # expect: aws-iam-user-direct-policy
        policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_iam_policy_attachment" "readonly" {
        name       = "readonly"
        groups     = ["auditors"]
        policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_iam_user" "ops" {
        name = "ops"
      }
      resource "aws_iam_user_policy_attachments_exclusive" "ops" {
        user_name   = aws_iam_user.ops.name
        policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]  # expect: aws-iam-user-direct-policy
      }
      resource "aws_iam_user_policies_exclusive" "ops" {
        user_name    = aws_iam_user.ops.name
        policy_names = ["ops-inline"]  # expect: aws-iam-user-direct-policy
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      # Exclusive management with empty lists strips every policy attached to the user directly.
      resource "aws_iam_user" "ops" {
        name = "ops"
      }
      resource "aws_iam_user_policy_attachments_exclusive" "ops" {
        user_name   = aws_iam_user.ops.name
        policy_arns = []
      }
      resource "aws_iam_user_policies_exclusive" "ops" {
        user_name    = aws_iam_user.ops.name
        policy_names = []
      }
    EOT
  }
}
