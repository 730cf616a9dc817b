path_rule "aws-path-internet-instance-admin-role" {
  title    = "Internet-reachable EC2 instance runs with an administrator role"
  severity = "critical"
  search   = "internet-instance-admin-role"

  description = <<-EOT
    The instance has a public IP address in a subnet routed to an internet gateway, and a security
    group admits traffic from the whole internet; its instance profile carries a role whose policy
    allows every action on every resource. The same holds for the instances an Auto Scaling group
    launches from a launch template: the template's network interface gives the public address
    (or the group's subnets do), its security groups admit the internet, and its instance profile
    carries the role. Whoever compromises the exposed service (an unpatched
    daemon, a leaked SSH key, server-side request forgery to the instance metadata service) gets
    credentials that control the whole account. Each part alone is a medium finding; together they
    are one step from a breach. Entry, pivot and target are all the customer's configuration.
    Critical: an internet entry combined with an administrator identity.
  EOT
  remediation = "Scope the role's policy to the actions and resources the workload needs (the cheapest single change: nothing else moves); or remove the public IP address, or close the security group's ingress from 0.0.0.0/0."
  references = [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html",
  ]

  example "bad" {
    code = <<-EOT
      resource "aws_instance" "web" { # expect: aws-path-internet-instance-admin-role
        ami                         = "ami-0123456789abcdef0"
        instance_type               = "t3.micro"
        subnet_id                   = aws_subnet.public.id
        associate_public_ip_address = true
        vpc_security_group_ids      = [aws_security_group.web.id]
        iam_instance_profile        = aws_iam_instance_profile.web.name
      }

      resource "aws_vpc" "main" {
        cidr_block = "10.0.0.0/16"
      }

      resource "aws_subnet" "public" {
        vpc_id     = aws_vpc.main.id
        cidr_block = "10.0.1.0/24"
      }

      resource "aws_internet_gateway" "main" {
        vpc_id = aws_vpc.main.id
      }

      resource "aws_route_table" "public" {
        vpc_id = aws_vpc.main.id
        route {
          cidr_block = "0.0.0.0/0"
          gateway_id = aws_internet_gateway.main.id
        }
      }

      resource "aws_route_table_association" "public" {
        subnet_id      = aws_subnet.public.id
        route_table_id = aws_route_table.public.id
      }

      resource "aws_security_group" "web" {
        vpc_id = aws_vpc.main.id
        ingress {
          from_port   = 443
          to_port     = 443
          protocol    = "tcp"
          cidr_blocks = ["0.0.0.0/0"]
        }
      }

      resource "aws_iam_instance_profile" "web" {
        name = "web"
        role = aws_iam_role.web.name
      }

      resource "aws_iam_role" "web" {
        name               = "web"
        assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
      }

      resource "aws_iam_role_policy_attachment" "web_admin" {
        role       = aws_iam_role.web.name
        policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_instance" "web" {
        ami                         = "ami-0123456789abcdef0"
        instance_type               = "t3.micro"
        associate_public_ip_address = true
        vpc_security_group_ids      = [aws_security_group.web.id]
        iam_instance_profile        = aws_iam_instance_profile.web.name
      }

      resource "aws_security_group" "web" {
        ingress {
          from_port   = 443
          to_port     = 443
          protocol    = "tcp"
          cidr_blocks = ["0.0.0.0/0"]
        }
      }

      resource "aws_iam_instance_profile" "web" {
        name = "web"
        role = aws_iam_role.web.name
      }

      resource "aws_iam_role" "web" {
        name               = "web"
        assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
        inline_policy {
          name   = "assets"
          policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "arn:aws:s3:::example-assets/*" }] })
        }
      }
    EOT
  }
}
